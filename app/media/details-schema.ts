import { z } from 'zod'
import { DISPLAY_NAME_MAX_LENGTH } from './display-name.ts'

const optionalLabel = z
	.string()
	.trim()
	.max(100)
	.optional()
	.transform((value) => (value ? value.normalize('NFC').replace(/\s+/g, ' ') : null))

/** The detail page's form: display name, place, season and the products shown. */
export const MediaDetailsSchema = z.object({
	intent: z.literal('save'),
	displayName: z
		.string({ required_error: 'media:detail.displayNameRequired' })
		.trim()
		.min(1, 'media:detail.displayNameRequired')
		.max(DISPLAY_NAME_MAX_LENGTH),
	place: optionalLabel,
	season: optionalLabel,
	productIds: z.array(z.string().max(64)).max(50).default([]),
})
