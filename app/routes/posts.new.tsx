import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { can } from '~/accounts/permissions.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Composer } from '~/publishing/composer.tsx'
import { loadComposerChoices, loadTiktokCreators } from '~/publishing/posts.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { getT } from '~/utils/language.server.ts'
import { nextHourIn, saveIntent, writeCopyIntent } from './posts-compose.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId, role } = await requireCoopPermission(request, 'create:post')
	const [{ t }, choices, creators] = await Promise.all([getT(request), loadComposerChoices(coopId, request), loadTiktokCreators(coopId)])
	const renderId = new URL(request.url).searchParams.get('renderId')
	const render = choices.renders.find((choice) => choice.id === renderId)
	const start = nextHourIn(choices.coop.timezone)
	return {
		choices,
		creators,
		initial: {
			renderId: render?.id ?? null,
			productId: render?.productId ?? null,
			caption: '',
			hashtags: '',
			channelIds: [],
			overrides: {},
			day: start.day,
			time: start.time,
		},
		waitsForApproval: choices.coop.postApproval && !can(role, 'approve:post'),
		pageTitle: t('posts:new.title'),
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireCoopPermission(request, 'create:post')
	const form = await request.formData()
	return dispatchIntent(form, {
		writeCopy: () => writeCopyIntent(actor, form),
		save: () => saveIntent(request, actor, form),
	})
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? 'Posts'} · Co-op Studio` }]

export default function NewPostPage() {
	const { choices, creators, initial, waitsForApproval } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('posts')
	return (
		<div className="mx-auto max-w-4xl">
			<Link to="/posts" className="text-sm text-tea-700 underline">
				{t('backToPosts')}
			</Link>
			<h1 className="mt-2 mb-4 text-2xl font-bold">{t('new.title')}</h1>
			<Composer
				choices={choices}
				creators={creators}
				initial={initial}
				waitsForApproval={waitsForApproval}
				problems={actionData && 'problems' in actionData ? actionData.problems : []}
			/>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
