import { data } from '@remix-run/node'
import { z } from 'zod'
import { publicOrigin } from '~/links/links.server.ts'
import { COPY_TONES, type CopyTone } from '~/publishing/offline-copy.ts'
import { postFormFromFormData, postFormSchema } from '~/publishing/post-schema.ts'
import { savePost, writeCopyFor, type Actor } from '~/publishing/posts.server.ts'
import { instantToLocal } from '~/utils/coop-time.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'

// What /posts/new and /posts/$postId/edit share: the composer's two intents.

const copyRequestSchema = z.object({
	tone: z.enum(COPY_TONES as [CopyTone, ...CopyTone[]]),
	renderId: z.string().optional().transform((value) => value || undefined),
	productId: z.string().optional().transform((value) => value || undefined),
	platform: z.string().default('facebook_page'),
})

export async function writeCopyIntent(actor: Actor, form: FormData) {
	const parsed = copyRequestSchema.safeParse(Object.fromEntries(form))
	if (!parsed.success) return data({ error: 'posts:errors.badCopyRequest' }, { status: 400 })
	return writeCopyFor(actor.coopId, parsed.data)
}

const OUTCOME_TOASTS = { draft: 'posts:toasts.draft', scheduled: 'posts:toasts.scheduled', pending: 'posts:toasts.pending' } as const

export async function saveIntent(request: Request, actor: Actor, form: FormData, postId?: string) {
	const parsed = postFormSchema.safeParse(postFormFromFormData(form))
	if (!parsed.success) {
		return data({ problems: [...new Set(parsed.error.issues.map((issue) => issue.message))].map((key) => ({ key })) }, { status: 400 })
	}
	const result = await savePost(actor, parsed.data, { postId, origin: publicOrigin(request) })
	if (!result.ok) return data({ problems: result.problems }, { status: 400 })
	return redirectWithToast(request, `/posts/${result.postId}`, { kind: 'success', key: OUTCOME_TOASTS[result.outcome] })
}

/** The next whole hour in the co-op's zone: what the date and time fields start at. */
export function nextHourIn(timeZone: string, now = new Date()) {
	const next = new Date(Math.ceil((now.getTime() + 60_000) / 3_600_000) * 3_600_000)
	return instantToLocal(next, timeZone)
}
