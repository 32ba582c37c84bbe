import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { LiveChart } from '~/live/live-chart.tsx'
import { orNotFound } from '~/live/not-found.server.ts'
import { loadReport } from '~/live/report.server.ts'
import { itemsTyped } from '~/live/intent-decisions.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { getT } from '~/utils/language.server.ts'
import { formatVnd } from '~/utils/money.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:live')
	const [{ t }, report] = await Promise.all([getT(request), orNotFound(loadReport(coopId, params.sessionId!))])
	return { ...report, pageTitle: `${report.session.title} · ${t('live:report.title')}` }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? 'Livestream'} · Co-op Studio` }]

export default function LiveReportPage() {
	const report = useLoaderData<typeof loader>()
	const { t, i18n } = useTranslation('live')
	const lng = i18n.language === 'en' ? 'en' : 'vi'
	const percent = new Intl.NumberFormat(lng === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 })
	return (
		<div className="mx-auto max-w-4xl space-y-4" data-testid="live-report">
			<header>
				<p className="text-sm">
					<Link to={`/live/${report.session.id}`} className="underline">{t('console.runSheet')}</Link>
				</p>
				<h1 className="text-2xl font-bold break-words">{t('report.title')}: {report.session.title}</h1>
			</header>
			<dl className="grid grid-cols-3 gap-2">
				<div className="card">
					<dt className="text-sm text-stone-600">{t('report.orders')}</dt>
					<dd className="text-xl font-bold tabular-nums" data-testid="report-orders">{report.orders}</dd>
				</div>
				<div className="card">
					<dt className="text-sm text-stone-600">{t('report.revenue')}</dt>
					<dd className="text-xl font-bold break-words tabular-nums" data-testid="report-revenue">{formatVnd(report.revenueVnd, lng)}</dd>
				</div>
				<div className="card">
					<dt className="text-sm text-stone-600">{t('report.comments')}</dt>
					<dd className="text-xl font-bold tabular-nums">{report.comments}</dd>
				</div>
			</dl>
			<section className="card space-y-2">
				<h2 className="font-semibold">{t('report.perMinute')}</h2>
				<LiveChart minutes={report.timeline.minutes} />
			</section>
			<section className="card space-y-2">
				<h2 className="font-semibold">{t('report.top')}</h2>
				{report.top.length === 0 ? <p className="text-sm text-stone-600">{t('report.noOrders')}</p> : null}
				<ol className="space-y-1 text-sm">
					{report.top.map((product) => (
						<li key={product.code} className="flex justify-between gap-2">
							<span className="break-words"><span className="font-mono">{product.code}</span> {product.name} × {product.qty}</span>
							<span className="tabular-nums">{formatVnd(product.revenueVnd, lng)}</span>
						</li>
					))}
				</ol>
			</section>
			<section className="card space-y-2">
				<h2 className="font-semibold">{t('report.conversion')}</h2>
				<p className="text-sm text-stone-600">{t('report.conversionHint')}</p>
				<table className="w-full text-left text-sm" data-testid="conversion">
					<thead>
						<tr>
							<th scope="col">{t('report.product')}</th>
							<th scope="col" className="text-right">{t('report.comments')}</th>
							<th scope="col" className="text-right">{t('report.orders')}</th>
							<th scope="col" className="text-right">{t('report.rate')}</th>
						</tr>
					</thead>
					<tbody>
						{report.conversion.map((row) => (
							<tr key={`${row.itemId}`} className="border-t border-stone-100">
								<td className="font-mono">{row.code}</td>
								<td className="text-right tabular-nums">{row.comments}</td>
								<td className="text-right tabular-nums">{row.orders}</td>
								<td className="text-right tabular-nums">{row.rate === null ? '–' : percent.format(row.rate)}</td>
							</tr>
						))}
					</tbody>
				</table>
			</section>
			<section className="card space-y-2">
				<h2 className="font-semibold">{t('report.leftovers')}</h2>
				{report.leftovers.length === 0 ? <p className="text-sm text-stone-600">{t('report.noLeftovers')}</p> : null}
				<ul className="space-y-1 text-sm" data-testid="leftovers">
					{report.leftovers.map((left) => (
						<li key={left.id} className="flex flex-wrap justify-between gap-2">
							<span className="break-words">{left.viewerName} · {itemsTyped(left.items)}</span>
							<a href={`tel:${left.phone}`} className="font-mono underline">{left.phone}</a>
						</li>
					))}
				</ul>
			</section>
			<section className="card space-y-1 text-sm">
				<h2 className="font-semibold">{t('report.replay')}</h2>
				{report.session.replayUrl ? (
					<a href={report.session.replayUrl} className="break-all underline" rel="noreferrer" target="_blank">{report.session.replayUrl}</a>
				) : (
					<p className="text-stone-600">{t('report.noReplay')}</p>
				)}
				{report.link ? <p className="text-stone-600">{t('report.linkKept', { slug: report.link.slug })}</p> : null}
			</section>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
