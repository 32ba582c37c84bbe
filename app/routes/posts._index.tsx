import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { getCoopSummary } from '~/accounts/coop-profile.server.ts'
import { useCan } from '~/accounts/use-can.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { POST_FILTERS } from '~/publishing/post-schema.ts'
import { listPosts, loadApprovalSetting, setPostApproval } from '~/publishing/posts.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { formatDateTime } from '~/utils/coop-time.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { getT } from '~/utils/language.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'
import { useRevalidateOnCoopEvents } from '~/utils/use-coop-events.ts'

const filterSchema = z.enum(POST_FILTERS).catch('all')

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:post')
	const filter = filterSchema.parse(new URL(request.url).searchParams.get('state') ?? 'all')
	const [{ t }, posts, coop, postApproval] = await Promise.all([getT(request), listPosts(coopId, filter), getCoopSummary(coopId), loadApprovalSetting(coopId)])
	return { posts, filter, timeZone: coop.timezone, postApproval, pageTitle: t('posts:list.title') }
}

export async function action({ request }: ActionFunctionArgs) {
	const form = await request.formData()
	return dispatchIntent(form, {
		approval: async () => {
			const { coopId } = await requireCoopPermission(request, 'update:coop')
			const on = form.get('on') === 'true'
			await setPostApproval(coopId, on)
			return redirectWithToast(request, '/posts', { kind: 'success', key: on ? 'posts:toasts.approvalOn' : 'posts:toasts.approvalOff' })
		},
	})
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? 'Posts'} · Co-op Studio` }]

export default function PostsPage() {
	const { posts, filter, timeZone, postApproval } = useLoaderData<typeof loader>()
	const { t, i18n } = useTranslation('posts')
	const may = useCan()
	const navigation = useNavigation()
	useRevalidateOnCoopEvents((event) => event.type === 'post.updated' || event.type === 'post.target.updated', 500)
	return (
		<div className="mx-auto max-w-4xl space-y-4">
			<div className="flex flex-wrap items-center justify-between gap-2">
				<h1 className="text-2xl font-bold">{t('list.title')}</h1>
				{may('create:post') ? (
					<Link to="/posts/new" className="btn-primary" data-testid="new-post">
						{t('list.new')}
					</Link>
				) : null}
			</div>
			<nav className="flex gap-1 overflow-x-auto pb-1" aria-label={t('list.filter')}>
				{POST_FILTERS.map((choice) => (
					<Link
						key={choice}
						to={choice === 'all' ? '/posts' : `/posts?state=${choice}`}
						className={`flex min-h-11 shrink-0 items-center rounded-full px-3 text-sm ${filter === choice ? 'bg-tea-700 text-white' : 'bg-stone-100'}`}
						aria-current={filter === choice ? 'page' : undefined}
					>
						{t(`filters.${choice}`)}
					</Link>
				))}
			</nav>
			{posts.length === 0 ? <p className="card text-stone-600">{t(filter === 'all' ? 'list.empty' : 'list.emptyFilter')}</p> : null}
			<ul className="space-y-2">
				{posts.map((post) => (
					<li key={post.id}>
						<Link to={`/posts/${post.id}`} className="card block space-y-1 hover:bg-stone-50" data-testid="post-row" data-summary={post.summary}>
							<span className="flex flex-wrap items-center justify-between gap-2">
								<span className="font-bold">{post.title || post.caption.slice(0, 60)}</span>
								<span className="rounded-full bg-stone-100 px-2 py-1 text-sm">{t(`summary.${post.summary}`)}</span>
							</span>
							<span className="block truncate text-sm text-stone-700">{post.caption}</span>
							<span className="block text-sm text-stone-600">
								{post.channels.map((channel) => channel.name).join(' · ')}
								{post.dueAt ? ` · ${formatDateTime(new Date(post.dueAt), i18n.language, timeZone)}` : ''}
							</span>
						</Link>
					</li>
				))}
			</ul>
			{may('update:coop') ? (
				<Form method="post" className="card flex flex-wrap items-center justify-between gap-2">
					<input type="hidden" name="intent" value="approval" />
					<input type="hidden" name="on" value={postApproval ? 'false' : 'true'} />
					<p className="text-sm text-stone-700">{t(postApproval ? 'list.approvalIsOn' : 'list.approvalIsOff')}</p>
					<button type="submit" className="btn-secondary" disabled={navigation.state !== 'idle'} data-testid="toggle-approval">
						{t(postApproval ? 'list.approvalTurnOff' : 'list.approvalTurnOn')}
					</button>
				</Form>
			) : null}
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
