import i18next, { type TFunction } from 'i18next'
import en from '~/locales/en/studio.json'
import vi from '~/locales/vi/studio.json'
import type { IssueLocation, SpecIssue } from './issues.ts'

// Words for spec issues. In the web app pass the request's `t` (namespace
// 'studio'); the worker log and the command line, which have no request, use
// studioTranslator(), built from the same JSON files.

type Translate = (key: string, options?: Record<string, unknown>) => string

export function studioTranslator(lng: 'vi' | 'en' = 'vi'): TFunction {
	// Resources given inline: i18next initialises synchronously and knows every namespace in them.
	const instance = i18next.createInstance()
	void instance.init({
		lng,
		fallbackLng: 'vi',
		resources: { vi: { studio: vi }, en: { studio: en } },
		defaultNS: 'studio',
		interpolation: { escapeValue: false },
		showSupportNotice: false,
	})
	return instance.t
}

const KINDS = new Set(['clip', 'photo', 'title', 'logo', 'price', 'qr', 'cta', 'text'])

function where(at: IssueLocation, t: Translate): string {
	const kind = (type: string | undefined) => t(`studio:spec.kinds.${type && KINDS.has(type) ? type : 'unknown'}`)
	switch (at.kind) {
		case 'item':
			return at.label
				? t('studio:spec.where.itemLabeled', { n: at.index + 1, kind: kind(at.itemType), label: at.label })
				: t('studio:spec.where.item', { n: at.index + 1, kind: kind(at.itemType) })
		case 'overlay':
			return t('studio:spec.where.overlay', { n: at.index + 1, kind: kind(at.overlayType) })
		case 'caption':
			return t('studio:spec.where.caption', { n: at.index + 1 })
		case 'music':
			return at.label ? t('studio:spec.where.musicLabeled', { label: at.label }) : t('studio:spec.where.music')
		default:
			return t(`studio:spec.where.${at.kind}`)
	}
}

/** "Mục 3 (clip “doi-che.mp4”): điểm kết thúc 14,2 s vượt quá độ dài clip 12,0 s. …" */
export function describeSpecIssue(specIssue: SpecIssue, t: Translate): string {
	return `${where(specIssue.at, t)}: ${t(`studio:spec.issues.${specIssue.code}`, specIssue.params)}`
}
