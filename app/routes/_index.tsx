import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { loadHome } from '~/accounts/home.server.ts'
import { can } from '~/accounts/permissions.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { homeSummary } from '~/results/dashboard.server.ts'
import { requireCoopMember } from '~/utils/auth.server.ts'
import { isLanguage } from '~/utils/i18n-languages.ts'
import { formatVnd } from '~/utils/money.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { userId, coopId, role } = await requireCoopMember(request)
	const [home, week] = await Promise.all([loadHome(userId, coopId), can(role, 'read:insight') ? homeSummary(coopId) : null])
	return { ...home, week, canTakeNextStep: can(role, home.next.permission) }
}

export const meta: MetaFunction = () => [{ title: 'Co-op Studio' }]

export default function Home() {
	const { t, i18n } = useTranslation()
	const { name, counts, next, readyTitle, canTakeNextStep, week } = useLoaderData<typeof loader>()
	const lng = isLanguage(i18n.language) ? i18n.language : 'vi'
	const tiles = [
		{ to: '/products', count: counts.products, label: t('home.counts.products') },
		{ to: '/library', count: counts.visuals, label: t('home.counts.visuals') },
		{ to: '/studio', count: counts.edits, label: t('home.counts.edits') },
		{ to: '/studio', count: counts.videos, label: t('home.counts.videos') },
	]
	return (
		<div>
			<h1 className="mb-1 text-2xl font-bold">{t('home.title', { name })}</h1>
			<p className="mb-4 text-stone-600">{t('home.intro')}</p>
			<section className="card mb-4 border-tea-500" aria-labelledby="next-step-title" data-testid="next-step" data-step={next.kind}>
				<p className="text-sm font-semibold text-tea-700 uppercase">{t('home.nextLabel')}</p>
				<h2 id="next-step-title" className="mb-1 text-xl font-bold">
					{t(`home.next.${next.kind}.title`, { title: readyTitle ?? '' })}
				</h2>
				<p className="mb-3 text-stone-700">{t(`home.next.${next.kind}.body`)}</p>
				{canTakeNextStep ? (
					<Link to={next.to} className="btn-primary inline-flex">
						{t(`home.next.${next.kind}.action`)}
					</Link>
				) : (
					<p className="text-sm text-stone-600">{t('home.next.askEditor')}</p>
				)}
			</section>
			{week ? (
				<section className="card mb-4" aria-labelledby="week-title" data-testid="home-week">
					<h2 id="week-title" className="mb-2 text-lg font-bold">
						{t('results:home.title')}
					</h2>
					<dl className="mb-2 grid grid-cols-2 gap-3">
						<div>
							<dt className="text-sm text-stone-600">{t('results:home.orders')}</dt>
							<dd className="text-2xl font-bold text-tea-700" data-testid="home-week-orders">
								{week.orders}
							</dd>
						</div>
						<div>
							<dt className="text-sm text-stone-600">{t('results:home.revenue')}</dt>
							<dd className="text-2xl font-bold break-words text-tea-700" data-testid="home-week-revenue">
								{formatVnd(week.revenueVnd, lng)}
							</dd>
						</div>
					</dl>
					<p className="mb-2 text-sm" data-testid="home-week-top">
						{week.topVideo ? (
							<>
								<span className="text-stone-600">{t('results:home.top')}: </span>
								<strong className="break-words">{t('results:home.topValue', { title: week.topVideo.title, orders: week.topVideo.orders })}</strong>
							</>
						) : (
							t('results:home.none')
						)}
					</p>
					<Link to="/results" className="font-medium text-tea-700 underline">
						{t('results:home.link')}
					</Link>
				</section>
			) : null}
			<div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
				{tiles.map((tile) => (
					<Link key={tile.label} to={tile.to} className="card hover:border-tea-500">
						<div className="text-3xl font-bold text-tea-700">{tile.count}</div>
						<div className="text-stone-600">{tile.label}</div>
					</Link>
				))}
			</div>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
