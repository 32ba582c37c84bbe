import type { ProductView } from './view.ts'

// The traceability facts in the order a buyer reads them on the label and,
// later, on the public page behind the QR code: where it grew, who grew it,
// which batch, when it was harvested, what vouches for it.
export const TRACEABILITY_FIELDS = ['growingArea', 'producerGroup', 'batch', 'harvestDay', 'certifications'] as const
export type TraceabilityField = (typeof TRACEABILITY_FIELDS)[number]

export type TraceabilityFact =
	| { field: Exclude<TraceabilityField, 'certifications'>; value: string }
	| { field: 'certifications'; value: string[] }

export function traceabilityFacts(product: ProductView): TraceabilityFact[] {
	const facts: TraceabilityFact[] = []
	for (const field of TRACEABILITY_FIELDS) {
		if (field === 'certifications') {
			if (product.certifications.length) facts.push({ field, value: product.certifications })
			continue
		}
		const value = product[field]
		if (value) facts.push({ field, value })
	}
	return facts
}

/** Fields still empty, so the page can say what would make the story complete. */
export function missingTraceability(product: ProductView): TraceabilityField[] {
	const present = new Set(traceabilityFacts(product).map((fact) => fact.field))
	return TRACEABILITY_FIELDS.filter((field) => !present.has(field))
}
