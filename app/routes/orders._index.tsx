import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getCoopSummary } from '~/accounts/coop-profile.server.ts'
import { useCan } from '~/accounts/use-can.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { readOrderFilters } from '~/orders/order-filters.ts'
import { ORDER_SOURCES, ORDER_STATES, orderLabel } from '~/orders/order-state.ts'
import { listOrders } from '~/orders/order-views.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { formatDateTime } from '~/utils/coop-time.ts'
import { isLanguage } from '~/utils/i18n.ts'
import { getT } from '~/utils/language.server.ts'
import { formatVnd } from '~/utils/money.ts'
import { useRevalidateOnCoopEvents } from '~/utils/use-coop-events.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:order')
	const filters = readOrderFilters(new URL(request.url).searchParams)
	const coop = await getCoopSummary(coopId)
	const [{ t }, list] = await Promise.all([getT(request), listOrders(coopId, filters, coop.timezone)])
	return { ...list, filters, timeZone: coop.timezone, pageTitle: t('orders:title') }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ''} · Co-op Studio` }]

const STATE_STYLE: Record<string, string> = {
	new: 'bg-amber-100 text-amber-900',
	confirmed: 'bg-sky-100 text-sky-900',
	shipped: 'bg-indigo-100 text-indigo-900',
	done: 'bg-tea-100 text-tea-900',
	cancelled: 'bg-stone-200 text-stone-700 line-through',
}

export default function OrdersPage() {
	const { orders, totals, filters, timeZone } = useLoaderData<typeof loader>()
	const { t, i18n } = useTranslation('orders')
	const lng = isLanguage(i18n.language) ? i18n.language : 'vi'
	const may = useCan()
	useRevalidateOnCoopEvents((event) => event.type === 'order.created' || event.type === 'order.updated' || event.type === 'orders.imported', 500)
	const filtered = Boolean(filters.state || filters.source || filters.from || filters.to || filters.q)
	return (
		<div className="mx-auto max-w-4xl space-y-4">
			<div className="flex flex-wrap items-center gap-2">
				<h1 className="mr-auto text-2xl font-bold">{t('title')}</h1>
				{may('create:order') ? (
					<>
						<Link to="/orders/new" className="btn-primary" data-testid="new-order">
							{t('list.new')}
						</Link>
						<Link to="/orders/import" className="btn-secondary">
							{t('list.import')}
						</Link>
					</>
				) : null}
				<Link to="/orders/promo-codes" className="btn-secondary">
					{t('list.promoCodes')}
				</Link>
			</div>
			<Form method="get" className="card grid grid-cols-2 gap-2 sm:grid-cols-5" aria-label={t('list.filters')}>
				<label className="col-span-2 sm:col-span-5">
					<span className="field-label">{t('list.search')}</span>
					<input type="search" name="q" defaultValue={filters.q} placeholder={t('list.searchPlaceholder')} className="field-input" autoComplete="off" />
				</label>
				<label>
					<span className="field-label">{t('list.state')}</span>
					<select name="state" defaultValue={filters.state ?? ''} className="field-input">
						<option value="">{t('list.any')}</option>
						{ORDER_STATES.map((state) => (
							<option key={state} value={state}>
								{t(`states.${state}`)}
							</option>
						))}
					</select>
				</label>
				<label>
					<span className="field-label">{t('list.source')}</span>
					<select name="source" defaultValue={filters.source ?? ''} className="field-input">
						<option value="">{t('list.any')}</option>
						{ORDER_SOURCES.map((source) => (
							<option key={source} value={source}>
								{t(`sources.${source}`)}
							</option>
						))}
					</select>
				</label>
				<label>
					<span className="field-label">{t('list.from')}</span>
					<input type="date" name="from" defaultValue={filters.from ?? ''} className="field-input" />
				</label>
				<label>
					<span className="field-label">{t('list.to')}</span>
					<input type="date" name="to" defaultValue={filters.to ?? ''} className="field-input" />
				</label>
				<div className="col-span-2 flex items-end gap-2 sm:col-span-1">
					<button type="submit" className="btn-primary flex-1">
						{t('list.apply')}
					</button>
					{filtered ? (
						<Link to="/orders" className="btn-secondary">
							{t('list.clear')}
						</Link>
					) : null}
				</div>
			</Form>
			<div className="text-sm text-stone-700" data-testid="order-totals">
				<p className="font-semibold">{t('list.totals', { count: totals.count, revenue: formatVnd(totals.revenueVnd, lng) })}</p>
				{totals.cancelled > 0 ? <p>{t('list.cancelledNote', { count: totals.cancelled })}</p> : null}
				{totals.all > totals.shown ? <p>{t('list.shownOf', { shown: totals.shown, all: totals.all })}</p> : null}
			</div>
			{orders.length === 0 ? (
				<p className="card text-stone-700" data-testid="orders-empty">
					{filtered ? t('list.noMatch') : t('list.empty')}
				</p>
			) : (
				<ul className="grid gap-2" data-testid="order-list">
					{orders.map((order) => (
						<li key={order.id}>
							<Link to={`/orders/${order.id}`} className="card block hover:border-tea-500" data-testid="order-card">
								<span className="flex flex-wrap items-center gap-2">
									<span className="font-mono font-bold">{orderLabel(order.number)}</span>
									<span className={`rounded px-2 py-0.5 text-xs font-medium ${STATE_STYLE[order.state] ?? ''}`}>{t(`states.${order.state}`, { defaultValue: order.state })}</span>
									<span className="text-xs text-stone-500">{t(`sources.${order.source}`, { defaultValue: order.source })}</span>
									<span className="ml-auto font-semibold">{formatVnd(order.totalVnd, lng)}</span>
								</span>
								<span className="mt-1 block truncate">
									{order.customerName || t('list.noName')}
									{order.customerPhone ? ` · ${order.customerPhone}` : ''}
								</span>
								<span className="block truncate text-sm text-stone-600">{order.lines.map((line) => `${line.qty} × ${line.name}`).join(', ')}</span>
								<span className="block text-xs text-stone-500">{formatDateTime(new Date(order.placedAt), lng, timeZone)}</span>
							</Link>
						</li>
					))}
				</ul>
			)}
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
