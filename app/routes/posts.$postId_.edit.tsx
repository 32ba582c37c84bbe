import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { can } from '~/accounts/permissions.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Composer } from '~/publishing/composer.tsx'
import { loadComposerChoices, loadPostForEditing, loadTiktokCreators } from '~/publishing/posts.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { instantToLocal } from '~/utils/coop-time.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { getT } from '~/utils/language.server.ts'
import { nextHourIn, saveIntent, writeCopyIntent } from './posts-compose.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId, role } = await requireCoopPermission(request, 'update:post')
	const post = await loadPostForEditing(coopId, params.postId!)
	const [{ t }, choices, creators] = await Promise.all([getT(request), loadComposerChoices(coopId, request), loadTiktokCreators(coopId)])
	const start = post.dueAt && post.dueAt > new Date() ? instantToLocal(post.dueAt, choices.coop.timezone) : nextHourIn(choices.coop.timezone)
	return {
		post: { id: post.id, editable: post.editable, approvalState: post.approvalState, approvalComment: post.approvalComment },
		choices,
		creators,
		initial: { ...post, day: start.day, time: start.time },
		waitsForApproval: choices.coop.postApproval && !can(role, 'approve:post'),
		pageTitle: t('posts:edit.title'),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const actor = await requireCoopPermission(request, 'update:post')
	const form = await request.formData()
	return dispatchIntent(form, {
		writeCopy: () => writeCopyIntent(actor, form),
		save: () => saveIntent(request, actor, form, params.postId!),
	})
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? 'Posts'} · Co-op Studio` }]

export default function EditPostPage() {
	const { post, choices, creators, initial, waitsForApproval } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('posts')
	return (
		<div className="mx-auto max-w-4xl">
			<Link to={`/posts/${post.id}`} className="text-sm text-tea-700 underline">
				{t('backToPost')}
			</Link>
			<h1 className="mt-2 mb-4 text-2xl font-bold">{t('edit.title')}</h1>
			{post.approvalState === 'changes_requested' && post.approvalComment ? (
				<p className="mb-4 rounded-lg bg-amber-50 p-3 text-amber-900" data-testid="sent-back-comment">
					{t('approval.sentBackWith', { comment: post.approvalComment })}
				</p>
			) : null}
			{post.editable ? (
				<Composer
					choices={choices}
					creators={creators}
					initial={initial}
					waitsForApproval={waitsForApproval}
					problems={actionData && 'problems' in actionData ? actionData.problems : []}
				/>
			) : (
				<p className="card">{t('edit.locked')}</p>
			)}
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
