import { z } from 'zod'
import { isCalendarDay } from '~/utils/coop-time.ts'

// A product batch (lô hàng) as the product page's form sends it. Messages are
// keys of the products namespace (`batches.errors.*`).

const optionalText = (max: number) =>
	z
		.string()
		.optional()
		.transform((value) => (value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim())
		.refine((value) => value.length <= max, 'batches.errors.tooLong')
		.transform((value) => value || null)

export const BatchSchema = z.object({
	code: z
		.string({ required_error: 'batches.errors.codeRequired' })
		.transform((value) => value.normalize('NFC').replace(/\s+/g, ' ').trim().toUpperCase())
		.refine((value) => value.length >= 1, 'batches.errors.codeRequired')
		.refine((value) => value.length <= 40, 'batches.errors.tooLong'),
	harvestDate: z
		.string()
		.optional()
		.transform((value) => value?.trim() || null)
		.refine((value) => value === null || isCalendarDay(value), 'batches.errors.harvestDate'),
	growingArea: optionalText(120),
	producerGroup: optionalText(120),
	note: z
		.string()
		.optional()
		.transform((value) => (value ?? '').normalize('NFC').trim())
		.refine((value) => value.length <= 1000, 'batches.errors.tooLong'),
})

export type BatchInput = z.infer<typeof BatchSchema>
