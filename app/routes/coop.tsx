import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getCoopSummary } from '~/accounts/coop-profile.server.ts'
import { useCan } from '~/accounts/use-can.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { requireCoopPermission } from '~/utils/auth.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:coop')
	const { name } = await getCoopSummary(coopId)
	return { name }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.name ?? ''} · Co-op Studio` }]

export default function CoopLayout() {
	const { t } = useTranslation('coop')
	const can = useCan()
	const { name } = useLoaderData<typeof loader>()
	const tabs = [
		{ to: '/coop', label: t('tabs.profile'), end: true, shown: true },
		{ to: '/coop/members', label: t('tabs.members'), end: false, shown: can('read:member') },
		{ to: '/coop/invites', label: t('tabs.invites'), end: false, shown: can('read:invite') },
		{ to: '/coop/webhook', label: t('orders:webhook.title'), end: false, shown: can('manage:webhook') },
	]
	return (
		<div className="mx-auto max-w-3xl">
			<h1 className="mb-3 text-2xl font-bold break-words">{name}</h1>
			<nav className="mb-4 flex gap-1 overflow-x-auto border-b border-stone-200" aria-label={t('title')}>
				{tabs
					.filter((tab) => tab.shown)
					.map((tab) => (
						<NavLink
							key={tab.to}
							to={tab.to}
							end={tab.end}
							className={({ isActive }) =>
								`-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap ${isActive ? 'border-tea-600 text-tea-700' : 'border-transparent text-stone-600 hover:text-stone-900'}`
							}
						>
							{tab.label}
						</NavLink>
					))}
			</nav>
			<Outlet />
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
