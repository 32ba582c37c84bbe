import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { FINGERPRINT_PATTERN } from '~/media/fingerprint.ts'
import { findByFingerprint } from '~/media/library.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'

const CheckSchema = z.object({
	fingerprint: z.string().regex(FINGERPRINT_PATTERN),
	size: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
})

/**
 * POST /library/check-duplicate (fingerprint, size): before uploading, the
 * phone asks whether the co-op's library already has this file, so that a
 * large video is not sent twice over mobile data. Answers
 * `{ existing: { id, displayName } | null }`.
 */
export async function action({ request }: ActionFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'create:media')
	const parsed = CheckSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) return Response.json({ existing: null }, { status: 400 })
	const found = await findByFingerprint(coopId, parsed.data.fingerprint, parsed.data.size)
	return Response.json({ existing: found ? { id: found.id, displayName: found.displayName } : null })
}
