import type { TFunction } from 'i18next'
import { isKnownCertification } from './certifications.ts'

/** A stored tag as people read it: known ids translated, free tags as typed. */
export function certificationLabel(t: TFunction, tag: string): string {
	return isKnownCertification(tag) ? t(`products:certifications.${tag}`) : tag
}
