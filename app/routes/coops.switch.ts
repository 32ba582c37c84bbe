import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { getCoopSummary } from '~/accounts/coop-profile.server.ts'
import { SwitchCoopSchema } from '~/accounts/coop-schemas.ts'
import { requireSession, switchActiveCoop } from '~/utils/auth.server.ts'
import { safeRedirectPath } from '~/utils/redirect.ts'
import { invariantResponse, redirectWithToast } from '~/utils/responses.server.ts'

export async function loader() {
	return redirect('/coop')
}

export async function action({ request }: ActionFunctionArgs) {
	const session = await requireSession(request)
	const submission = parseWithZod(await request.formData(), { schema: SwitchCoopSchema })
	invariantResponse(submission.status === 'success', 'Choose a co-op', 400)
	const { coopId, redirectTo } = submission.value
	// Someone else's co-op is "not found", exactly like one that does not exist.
	invariantResponse(await switchActiveCoop({ sessionId: session.id, userId: session.userId, coopId }), 'Not found')
	const coop = await getCoopSummary(coopId)
	return redirectWithToast(request, safeRedirectPath(redirectTo, '/'), {
		kind: 'success',
		key: 'coop:yourCoops.switched',
		values: { coop: coop.name },
	})
}
