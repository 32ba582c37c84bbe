import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { getCoopSummary } from '~/accounts/coop-profile.server.ts'
import { useCan } from '~/accounts/use-can.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorLine } from '~/components/forms.tsx'
import { normaliseMobile } from '~/live/phones-in-text.ts'
import { isOrderState, nextOrderStates, orderLabel } from '~/orders/order-state.ts'
import { editOrderCustomer, getOrder } from '~/orders/order-views.server.ts'
import { moveOrder } from '~/orders/orders.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { formatDateTime } from '~/utils/coop-time.ts'
import { isLanguage } from '~/utils/i18n.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { getT } from '~/utils/language.server.ts'
import { formatVnd } from '~/utils/money.ts'
import { invariantResponse, redirectWithToast } from '~/utils/responses.server.ts'
import { useRevalidateOnCoopEvents } from '~/utils/use-coop-events.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:order')
	const [order, coop, { t }] = await Promise.all([getOrder(coopId, params.orderId ?? ''), getCoopSummary(coopId), getT(request)])
	invariantResponse(order, 'Order not found')
	return { order, timeZone: coop.timezone, pageTitle: t('orders:label', { label: orderLabel(order.number) }) }
}

const customerSchema = z.object({
	customerName: z.string().trim().max(200),
	customerPhone: z.string().trim().max(40),
	address: z.string().trim().max(500),
	note: z.string().trim().max(2000),
})

export async function action({ request, params }: ActionFunctionArgs) {
	const { coopId, userId } = await requireCoopPermission(request, 'update:order')
	const orderId = params.orderId ?? ''
	const form = await request.formData()
	const here = `/orders/${orderId}`
	return dispatchIntent(form, {
		move: async () => {
			const to = form.get('to')
			invariantResponse(isOrderState(to), 'Unknown state', 400)
			const moved = await moveOrder(coopId, orderId, to, userId)
			if (!moved.ok) {
				invariantResponse(moved.reason !== 'not_found', 'Order not found')
				return redirectWithToast(request, here, { kind: 'error', key: moved.reason === 'changed' ? 'orders:errors.moveChanged' : 'orders:errors.moveNotAllowed' })
			}
			const { t } = await getT(request)
			return redirectWithToast(request, here, { kind: 'success', key: 'orders:toast.moved', values: { state: t(`orders:states.${to}`) } })
		},
		customer: async () => {
			const parsed = customerSchema.safeParse(Object.fromEntries(form))
			invariantResponse(parsed.success, 'Bad form', 400)
			const phone = parsed.data.customerPhone ? normaliseMobile(parsed.data.customerPhone) : null
			if (parsed.data.customerPhone && !phone) return data({ phoneError: 'errors.phoneInvalid' }, { status: 400 })
			const edited = await editOrderCustomer(coopId, orderId, { ...parsed.data, customerPhone: phone }, userId)
			invariantResponse(edited, 'Order not found')
			return redirectWithToast(request, here, { kind: 'success', key: 'orders:toast.edited' })
		},
	})
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ''} · Co-op Studio` }]

export default function OrderPage() {
	const { order, timeZone } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t, i18n } = useTranslation('orders')
	const lng = isLanguage(i18n.language) ? i18n.language : 'vi'
	const may = useCan()
	const navigation = useNavigation()
	useRevalidateOnCoopEvents((event) => event.type === 'order.updated' && event.orderId === order.id, 300)
	const facts = order.attribution
	const moves = nextOrderStates(order.state)
	const phoneError = actionData && 'phoneError' in actionData ? t(actionData.phoneError) : null
	return (
		<div className="mx-auto max-w-2xl space-y-4">
			<Link to="/orders" className="text-sm text-tea-700 underline">
				{t('detail.back')}
			</Link>
			<div className="flex flex-wrap items-center gap-2">
				<h1 className="text-2xl font-bold">{orderLabel(order.number)}</h1>
				<span className="rounded bg-stone-100 px-2 py-0.5 text-sm font-medium" data-testid="order-state">
					{t(`states.${order.state}`)}
				</span>
				<span className="ml-auto text-xl font-semibold">{formatVnd(order.totalVnd, lng)}</span>
			</div>

			<section className="card">
				<h2 className="mb-2 font-semibold">{t('detail.lines')}</h2>
				<ul className="divide-y divide-stone-100">
					{order.lines.map((line) => (
						<li key={line.id} className="flex flex-wrap justify-between gap-2 py-1">
							<span className="min-w-0">
								{line.code ? <span className="mr-1 font-mono text-sm text-stone-500">{line.code}</span> : null}
								{line.name}
							</span>
							<span className="text-stone-700">
								{t('detail.lineAmount', { qty: line.qty, price: formatVnd(line.priceVnd, lng) })}
								{line.unit ? ` ${line.unit}` : ''} = {formatVnd(line.amountVnd, lng)}
							</span>
						</li>
					))}
				</ul>
			</section>

			<section className="card space-y-1 text-sm">
				<p>
					<b>{t('detail.placedAt')}:</b> {formatDateTime(new Date(order.placedAt), lng, timeZone)}
				</p>
				<p>
					<b>{t('detail.source')}:</b> {t(`sources.${order.source}`, { defaultValue: order.source })}
					{order.via ? ` · ${t(`via.${order.via}`, { defaultValue: order.via })}` : ''}
				</p>
				{order.externalId ? (
					<p>
						<b>{t('detail.externalId')}:</b> <span className="font-mono break-all">{order.externalId}</span>
					</p>
				) : null}
				<p>
					<b>{t('detail.payment')}:</b> {t(`payments.${order.payment}`, { defaultValue: order.payment })}
				</p>
			</section>

			<section className="card text-sm" data-testid="order-attribution">
				<h2 className="mb-1 font-semibold">{t('detail.attribution')}</h2>
				<ul className="list-disc space-y-1 pl-5">
					{facts.staffPick ? (
						<li>
							{t('detail.staffPick', { caption: facts.staffPick.caption ?? '' })}
							{facts.staffPick.channel ? ` ${t('detail.staffPickChannel', { channel: facts.staffPick.channel })}` : ''}
						</li>
					) : null}
					{facts.live ? <li>{t('detail.live', { title: facts.live.title })}</li> : null}
					{facts.promoCode ? (
						<li>
							{t('detail.promoCode', { code: facts.promoCode.code })}
							{facts.promoCode.caption ? ` · ${facts.promoCode.caption}` : ''}
							{facts.promoCode.known ? '' : ` ${t('detail.promoUnknown')}`}
						</li>
					) : null}
					{facts.click ? (
						<li>
							{t('detail.click', { slug: facts.click.slug })}
							{facts.click.caption ? ` · ${facts.click.caption}` : ''}
						</li>
					) : null}
					{facts.importFile ? <li>{t('detail.importFile', { file: facts.importFile })}</li> : null}
					{!facts.staffPick && !facts.live && !facts.promoCode && !facts.click ? <li>{t('detail.none')}</li> : null}
				</ul>
			</section>

			{may('update:order') ? (
				<section className="card">
					<h2 className="mb-2 font-semibold">{t('detail.moveTitle')}</h2>
					{moves.length === 0 ? (
						<p className="text-sm text-stone-600">{t('detail.noMoves')}</p>
					) : (
						<Form method="post" className="flex flex-wrap gap-2">
							<input type="hidden" name="intent" value="move" />
							{moves.map((to) => (
								<button key={to} type="submit" name="to" value={to} className={to === 'cancelled' ? 'btn-secondary' : 'btn-primary'} disabled={navigation.state !== 'idle'}>
									{t('detail.moveTo', { state: t(`states.${to}`) })}
								</button>
							))}
						</Form>
					)}
				</section>
			) : null}

			<section className="card">
				<h2 className="mb-2 font-semibold">{t('detail.customer')}</h2>
				{may('update:order') ? (
					<Form method="post" className="grid gap-2">
						<input type="hidden" name="intent" value="customer" />
						<label>
							<span className="field-label">{t('form.customerName')}</span>
							<input name="customerName" defaultValue={order.customerName} className="field-input" />
						</label>
						<label>
							<span className="field-label">{t('form.phone')}</span>
							<input name="customerPhone" type="tel" inputMode="tel" defaultValue={order.customerPhone ?? ''} className="field-input" aria-invalid={phoneError ? true : undefined} />
						</label>
						<ErrorLine message={phoneError} />
						<label>
							<span className="field-label">{t('form.address')}</span>
							<textarea name="address" defaultValue={order.address} rows={2} className="field-input" />
						</label>
						<label>
							<span className="field-label">{t('form.note')}</span>
							<textarea name="note" defaultValue={order.note} rows={2} className="field-input" />
						</label>
						<button type="submit" className="btn-secondary justify-self-start">
							{t('detail.save')}
						</button>
					</Form>
				) : (
					<div className="text-sm">
						<p>{order.customerName}</p>
						<p>{order.customerPhone}</p>
						<p className="whitespace-pre-line">{order.address}</p>
						<p className="whitespace-pre-line text-stone-600">{order.note}</p>
					</div>
				)}
			</section>

			<section className="card">
				<h2 className="mb-2 font-semibold">{t('detail.history')}</h2>
				<ol className="space-y-1 text-sm" data-testid="order-history">
					{order.history.map((entry) => (
						<li key={entry.id}>
							<span className="text-stone-500">{formatDateTime(new Date(entry.at), lng, timeZone)}</span>{' '}
							{entry.from === null
								? t('detail.created', { state: t(`states.${entry.to}`) })
								: entry.edited.length > 0
									? t('detail.edited', { fields: entry.edited.map((f) => t(`detail.fields.${f}`, { defaultValue: f })).join(', ') })
									: t('detail.moved', { from: t(`states.${entry.from}`), to: t(`states.${entry.to}`) })}{' '}
							<span className="text-stone-600">{entry.by ? t('detail.by', { name: entry.by }) : t('detail.bySystem')}</span>
						</li>
					))}
				</ol>
			</section>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
