import { foldForMatching, normalizeText } from '~/utils/vietnamese.ts'

// Certifications are stored as a JSON array of tags on the product. The ones
// Vietnamese buyers look for are stored by a stable id and named through the
// translations ("products:certifications.<id>"); anything else is kept as the
// person typed it (docs/decisions/006-product-catalogue.md).
export const KNOWN_CERTIFICATIONS = ['vietgap', 'globalgap', 'organic', 'pgs', 'ocop-3', 'ocop-4', 'ocop-5'] as const
export type KnownCertification = (typeof KNOWN_CERTIFICATIONS)[number]

export const OCOP_RATINGS: KnownCertification[] = ['ocop-3', 'ocop-4', 'ocop-5']

export const MAX_CERTIFICATIONS = 12
export const MAX_CERTIFICATION_LENGTH = 60

// Folded, space-free spellings that people type for each known tag.
const ALIASES: Record<string, KnownCertification> = {
	vietgap: 'vietgap',
	globalgap: 'globalgap',
	organic: 'organic',
	huuco: 'organic',
	pgs: 'pgs',
}

function knownFromFolded(folded: string): KnownCertification | null {
	const ocop = /^ocop([345])(sao|stars?)?$/.exec(folded) ?? /^([345])saoocop$/.exec(folded)
	if (ocop) return `ocop-${ocop[1]}` as KnownCertification
	return ALIASES[folded] ?? null
}

export function isKnownCertification(tag: string): tag is KnownCertification {
	return (KNOWN_CERTIFICATIONS as readonly string[]).includes(tag)
}

/** "Viet GAP", "OCOP 4 sao", "hữu cơ" → their ids; anything else NFC-normalised as typed. */
export function canonicalCertification(input: string): string {
	const text = normalizeText(input)
	if (isKnownCertification(text)) return text
	return knownFromFolded(foldForMatching(text).replace(/[\s\-_*]/g, '')) ?? text
}

/** Canonical tags in a stable order (known ones first, as listed), without blanks or repeats. */
export function normalizeCertifications(inputs: string[]): string[] {
	const tags = new Map<string, string>()
	for (const input of inputs) {
		const tag = canonicalCertification(input)
		if (!tag) continue
		const key = isKnownCertification(tag) ? tag : foldForMatching(tag)
		if (!tags.has(key)) tags.set(key, tag)
	}
	const all = [...tags.values()]
	const known = KNOWN_CERTIFICATIONS.filter((id) => all.includes(id))
	return [...known, ...all.filter((tag) => !isKnownCertification(tag))]
}

/** The free-text box: tags separated by commas or semicolons. */
export function splitCertificationText(text: string): string[] {
	return text
		.split(/[,;\n]/)
		.map(normalizeText)
		.filter(Boolean)
}

/** Reads the stored column; a damaged value reads as no certifications rather than breaking the page. */
export function parseStoredCertifications(json: string): string[] {
	try {
		const value: unknown = JSON.parse(json)
		return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
	} catch {
		return []
	}
}

export function serializeCertifications(tags: string[]): string {
	return JSON.stringify(normalizeCertifications(tags))
}
