import { z } from 'zod'

// Numbers typed in for a channel without an API (manual channels, Zalo
// articles): the same schema checks the post page's form and the server.

const count = z.coerce
	.number({ invalid_type_error: 'engagement.notANumber' })
	.int('engagement.wholeNumber')
	.min(0, 'engagement.notNegative')
	.max(1_000_000_000, 'engagement.tooLarge')

/** An empty field means "not known", not zero. */
const optionalCount = z.preprocess((value) => (value === '' || value == null ? null : value), count.nullable())

export const manualSnapshotSchema = z
	.object({
		targetId: z.string().min(1),
		views: optionalCount,
		likes: optionalCount,
		comments: optionalCount,
		shares: optionalCount,
	})
	.refine((value) => [value.views, value.likes, value.comments, value.shares].some((n) => n !== null), {
		message: 'engagement.atLeastOne',
		path: ['views'],
	})

export type ManualSnapshotInput = z.infer<typeof manualSnapshotSchema>
