import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { useCan } from '~/accounts/use-can.ts'
import { getCoopSummary } from '~/accounts/coop-profile.server.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { EngagementChart } from '~/publishing/engagement-chart.tsx'
import { approvePost, confirmPostTarget, loadPost, recordTargetNumbers, retryPostTarget, sendBackPost } from '~/publishing/posts.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { formatDateTime } from '~/utils/coop-time.ts'
import { useRevalidateOnCoopEvents } from '~/utils/use-coop-events.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:post')
	const [post, coop] = await Promise.all([loadPost(coopId, params.postId!), getCoopSummary(coopId)])
	return { post, timeZone: coop.timezone }
}

const targetSchema = z.object({ targetId: z.string().min(1) })
const confirmSchema = targetSchema.extend({ found: z.enum(['yes', 'no']), postUrl: z.string().url().optional().or(z.literal('').transform(() => undefined)) })
const sendBackSchema = z.object({ comment: z.string().trim().min(1, 'posts:errors.commentRequired').max(1000) })
const count = z
	.string()
	.optional()
	.transform((value) => (value?.trim() ? Number(value) : null))
	.refine((value) => value === null || (Number.isInteger(value) && value >= 0), 'posts:errors.numbersInvalid')
const numbersSchema = targetSchema.extend({ views: count, likes: count, comments: count, shares: count })

export async function action({ request, params }: ActionFunctionArgs) {
	const form = await request.formData()
	const postId = params.postId!
	const fields = Object.fromEntries(form)
	const here = `/posts/${postId}`
	const answer = async (result: { ok: true } | { ok: false; problem: string }, done: string) =>
		result.ok ? redirectWithToast(request, here, { kind: 'success', key: done }) : data({ problem: result.problem }, { status: 409 })
	return dispatchIntent(form, {
		retry: async () => {
			const { coopId } = await requireCoopPermission(request, 'publish:post')
			const { targetId } = targetSchema.parse(fields)
			return answer(await retryPostTarget(coopId, postId, targetId), 'posts:toasts.retrying')
		},
		confirm: async () => {
			const { coopId } = await requireCoopPermission(request, 'publish:post')
			const parsed = confirmSchema.safeParse(fields)
			if (!parsed.success) return data({ problem: 'posts:errors.postUrlInvalid' }, { status: 400 })
			const result = await confirmPostTarget(coopId, postId, parsed.data.targetId, { found: parsed.data.found === 'yes', postUrl: parsed.data.postUrl })
			return answer(result, parsed.data.found === 'yes' ? 'posts:toasts.confirmed' : 'posts:toasts.retrying')
		},
		approve: async () => {
			const actor = await requireCoopPermission(request, 'approve:post')
			const approved = await approvePost(actor, postId)
			return answer(approved ? { ok: true } : { ok: false, problem: 'posts:errors.notPending' }, 'posts:toasts.approved')
		},
		sendBack: async () => {
			const actor = await requireCoopPermission(request, 'approve:post')
			const parsed = sendBackSchema.safeParse(fields)
			if (!parsed.success) return data({ problem: 'posts:errors.commentRequired' }, { status: 400 })
			const sent = await sendBackPost(actor, postId, parsed.data.comment)
			return answer(sent ? { ok: true } : { ok: false, problem: 'posts:errors.notPending' }, 'posts:toasts.sentBack')
		},
		numbers: async () => {
			const { coopId, userId } = await requireCoopPermission(request, 'publish:post')
			const parsed = numbersSchema.safeParse(fields)
			if (!parsed.success) return data({ problem: 'posts:errors.numbersInvalid' }, { status: 400 })
			const { targetId, ...numbers } = parsed.data
			return answer(await recordTargetNumbers(coopId, postId, targetId, userId, numbers), 'posts:toasts.numbersSaved')
		},
	})
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.post.caption.slice(0, 40) ?? 'Post'} · Co-op Studio` }]

type LoadedPost = ReturnType<typeof useLoaderData<typeof loader>>['post']
type LoadedTarget = LoadedPost['targets'][number]

export default function PostPage() {
	const { post, timeZone } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('posts')
	const may = useCan()
	useRevalidateOnCoopEvents((event) => (event.type === 'post.target.updated' || event.type === 'post.updated') && event.postId === post.id)
	const title = post.render?.edit.title ?? post.photoPost?.title ?? ''
	return (
		<div className="mx-auto max-w-4xl space-y-4">
			<Link to="/posts" className="text-sm text-tea-700 underline">
				{t('backToPosts')}
			</Link>
			<h1 className="text-2xl font-bold">{title}</h1>
			<p className="text-lg" data-testid="post-summary" data-summary={post.approvalState === 'pending' ? 'pending' : post.summary}>
				{post.approvalState === 'pending' ? t('summary.pending') : t(`summary.${post.summary}`)}
			</p>
			{actionData && 'problem' in actionData ? (
				<p className="rounded-lg bg-red-50 p-3 text-red-800" role="alert">
					{t(actionData.problem)}
				</p>
			) : null}
			<ApprovalBox post={post} />
			<section className="card space-y-2">
				<h2 className="text-lg font-bold">{t('post.media')}</h2>
				{post.render ? (
					<video className="max-h-96 w-full rounded-lg bg-stone-900" src={post.files[0]?.url} controls playsInline preload="metadata" />
				) : (
					<div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
						{post.files.map((file) => (
							<img key={file.url} src={file.url} alt={file.name} className="w-full rounded-lg" loading="lazy" />
						))}
					</div>
				)}
				<p className="text-sm whitespace-pre-wrap text-stone-700">{post.caption}</p>
				{post.hashtags ? <p className="text-sm text-tea-800">{post.hashtags}</p> : null}
				{post.targets.every((target) => target.state === 'draft') && may('update:post') ? (
					<Link to={`/posts/${post.id}/edit`} className="btn-secondary inline-flex">
						{t('post.edit')}
					</Link>
				) : null}
			</section>
			<section className="space-y-3">
				<h2 className="text-lg font-bold">{t('post.channels')}</h2>
				{post.targets.map((target) => (
					<TargetCard key={target.id} postId={post.id} target={target} timeZone={timeZone} />
				))}
			</section>
		</div>
	)
}

function ApprovalBox({ post }: { post: LoadedPost }) {
	const { t } = useTranslation('posts')
	const may = useCan()
	const navigation = useNavigation()
	if (post.approvalState === 'changes_requested') {
		return (
			<section className="card space-y-2 bg-amber-50" data-testid="approval">
				<p className="text-amber-900">{t('approval.sentBackWith', { comment: post.approvalComment ?? '' })}</p>
				{may('update:post') ? (
					<Link to={`/posts/${post.id}/edit`} className="btn-primary inline-flex">
						{t('approval.fix')}
					</Link>
				) : null}
			</section>
		)
	}
	if (post.approvalState !== 'pending') return null
	return (
		<section className="card space-y-2 bg-amber-50" data-testid="approval">
			<p className="text-amber-900">{t('approval.waiting', { name: post.createdBy?.name ?? '' })}</p>
			{may('approve:post') ? (
				<div className="space-y-2">
					<Form method="post">
						<input type="hidden" name="intent" value="approve" />
						<button type="submit" className="btn-primary w-full sm:w-auto" disabled={navigation.state !== 'idle'} data-testid="approve">
							{t('approval.approve')}
						</button>
					</Form>
					<Form method="post" className="space-y-2">
						<input type="hidden" name="intent" value="sendBack" />
						<label className="block">
							<span className="field-label">{t('approval.comment')}</span>
							<textarea name="comment" rows={2} className="field-input" required maxLength={1000} />
						</label>
						<button type="submit" className="btn-secondary" disabled={navigation.state !== 'idle'} data-testid="send-back">
							{t('approval.sendBack')}
						</button>
					</Form>
				</div>
			) : (
				<p className="text-sm text-stone-700">{t('approval.ownerDecides')}</p>
			)}
		</section>
	)
}

const ADVICE: Record<string, string> = {
	auth: 'advice.reconnect',
	rate_limit: 'advice.rateLimit',
	invalid: 'advice.invalid',
	transient: 'advice.transient',
	unknown: 'advice.unknown',
}

function TargetCard({ postId, target, timeZone }: { postId: string; target: LoadedTarget; timeZone: string }) {
	const { t, i18n } = useTranslation('posts')
	const may = useCan()
	const navigation = useNavigation()
	const busy = navigation.state !== 'idle'
	const when = target.publishedAt ?? target.dueAt
	const attempt = target.attempts[0]
	const errorKind = target.errorKind ?? attempt?.errorKind ?? null
	return (
		<article className="card space-y-2" data-testid="target" data-state={target.state} data-channel={target.channel.name}>
			<div className="flex flex-wrap items-center justify-between gap-2">
				<h3 className="font-bold">
					{t(`platforms.${target.channel.platform}`)} · {target.channel.name}
				</h3>
				<span className={`rounded-full px-2 py-1 text-sm ${target.state === 'published' ? 'bg-tea-100 text-tea-900' : target.state === 'failed' || target.state === 'needs_attention' || target.state === 'unconfirmed' ? 'bg-red-50 text-red-800' : 'bg-stone-100'}`}>
					{t(`states.${target.state}`)}
				</span>
			</div>
			{when ? <p className="text-sm text-stone-700">{t(target.publishedAt ? 'post.publishedAt' : 'post.dueAt', { when: formatDateTime(new Date(when), i18n.language, timeZone) })}</p> : null}
			{target.postUrl ? (
				<a href={target.postUrl} className="text-sm text-tea-700 underline" target="_blank" rel="noreferrer">
					{t('post.open')}
				</a>
			) : null}
			{target.state === 'failed' || target.state === 'needs_attention' ? (
				<div className="rounded-lg bg-red-50 p-2 text-sm text-red-800">
					<p>{t(target.channel.state !== 'connected' ? 'advice.reconnect' : (ADVICE[errorKind ?? 'unknown'] ?? 'advice.unknown'))}</p>
					{target.errorMessage ? <p className="mt-1 text-xs text-red-700">{t('post.platformSaid', { message: target.errorMessage })}</p> : null}
				</div>
			) : null}
			{target.state === 'scheduled' && target.reason ? <p className="text-sm text-stone-700">{t(`reasons.${target.reason}`, { defaultValue: '' })}</p> : null}
			<div className="flex flex-wrap gap-2">
				{(target.state === 'failed' || target.state === 'needs_attention') && may('publish:post') ? (
					target.channel.state !== 'connected' ? (
						<Link to="/channels" className="btn-primary">
							{t('post.reconnect')}
						</Link>
					) : (
						<Form method="post">
							<input type="hidden" name="intent" value="retry" />
							<input type="hidden" name="targetId" value={target.id} />
							<button type="submit" className="btn-primary" disabled={busy} data-testid="retry">
								{t('post.retry')}
							</button>
						</Form>
					)
				) : null}
				{target.kind === 'manual' && target.state !== 'draft' && target.state !== 'published' ? (
					<Link to={`/posts/${postId}/handoff/${target.id}`} className="btn-primary" data-testid="open-handoff">
						{t('post.openPackage')}
					</Link>
				) : null}
			</div>
			{target.state === 'unconfirmed' && may('publish:post') ? (
				<Form method="post" className="space-y-2 rounded-lg bg-amber-50 p-2">
					<p className="text-sm text-amber-900">{t('post.unconfirmed', { channel: target.channel.name })}</p>
					<input type="hidden" name="intent" value="confirm" />
					<input type="hidden" name="targetId" value={target.id} />
					<label className="block">
						<span className="field-label">{t('post.postUrl')}</span>
						<input type="url" name="postUrl" className="field-input" inputMode="url" />
					</label>
					<div className="flex flex-wrap gap-2">
						<button type="submit" name="found" value="yes" className="btn-primary" disabled={busy}>
							{t('post.foundIt')}
						</button>
						<button type="submit" name="found" value="no" className="btn-secondary" disabled={busy}>
							{t('post.notThere')}
						</button>
					</div>
				</Form>
			) : null}
			{target.state === 'published' ? (
				<div className="space-y-2">
					<EngagementChart snapshots={target.snapshots} />
					{target.kind === 'manual' && may('publish:post') ? <NumbersForm targetId={target.id} /> : null}
				</div>
			) : null}
		</article>
	)
}

function NumbersForm({ targetId }: { targetId: string }) {
	const { t } = useTranslation('posts')
	return (
		<details>
			<summary className="min-h-11 cursor-pointer py-2 text-tea-800">{t('numbers.title')}</summary>
			<Form method="post" className="grid grid-cols-2 gap-2 sm:grid-cols-5">
				<input type="hidden" name="intent" value="numbers" />
				<input type="hidden" name="targetId" value={targetId} />
				{(['views', 'likes', 'comments', 'shares'] as const).map((name) => (
					<label key={name} className="block">
						<span className="field-label">{t(`numbers.${name}`)}</span>
						<input type="number" name={name} min={0} step={1} inputMode="numeric" className="field-input" />
					</label>
				))}
				<button type="submit" className="btn-secondary self-end">
					{t('numbers.save')}
				</button>
			</Form>
		</details>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
