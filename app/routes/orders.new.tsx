import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorLine, FormError } from '~/components/forms.tsx'
import { orderLabel, PAYMENTS, STAFF_VIA } from '~/orders/order-state.ts'
import { MAX_STAFF_LINES, parseStaffOrder } from '~/orders/staff-order-schema.ts'
import { createStaffOrder, staffOrderChoices, StaffOrderError } from '~/orders/staff-orders.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { isLanguage } from '~/utils/i18n.ts'
import { getT } from '~/utils/language.server.ts'
import { formatVnd } from '~/utils/money.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'
import { parseVndAmount } from '~/utils/vietnamese.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'create:order')
	const [choices, { t }] = await Promise.all([staffOrderChoices(coopId), getT(request)])
	return { ...choices, pageTitle: t('orders:form.title') }
}

type FieldErrors = Record<string, string>

const REFUSALS = { 'unknown-product': ['lines', 'errors.unknownProduct'], 'unknown-source': ['source', 'errors.sourceUnknown'], 'unknown-code': ['promoCode', 'errors.unknownCode'] } as const

export async function action({ request }: ActionFunctionArgs) {
	const { coopId, userId } = await requireCoopPermission(request, 'create:order')
	const form = await request.formData()
	const texts = (name: string) => form.getAll(name).map((value) => (typeof value === 'string' ? value : ''))
	const [productIds, qtys, prices] = [texts('productId'), texts('qty'), texts('price')]
	const parsed = parseStaffOrder({
		...Object.fromEntries([...form].filter(([, value]) => typeof value === 'string')),
		lines: productIds.slice(0, MAX_STAFF_LINES + 1).map((productId, i) => ({ productId, qty: qtys[i] ?? '', price: prices[i] ?? '' })),
	})
	if (!parsed.success) {
		const errors: FieldErrors = {}
		for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message
		return data({ errors }, { status: 400 })
	}
	try {
		const order = await createStaffOrder(coopId, userId, parsed.data)
		return redirectWithToast(request, `/orders/${order.id}`, { kind: 'success', key: 'orders:toast.created', values: { label: orderLabel(order.number) } })
	} catch (error) {
		if (!(error instanceof StaffOrderError)) throw error
		const [field, message] = REFUSALS[error.reason]
		return data({ errors: { [field]: message } as FieldErrors }, { status: 400 })
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ''} · Co-op Studio` }]

let nextKey = 1

export default function NewOrderPage() {
	const { products, sources } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const { t, i18n } = useTranslation('orders')
	const lng = isLanguage(i18n.language) ? i18n.language : 'vi'
	const errors: FieldErrors = actionData?.errors ?? {}
	const err = (field: string) => (errors[field] ? t(errors[field]) : null)
	const [lines, setLines] = useState([{ key: 0, productId: '', qty: '1', price: '' }])
	const update = (key: number, change: Partial<(typeof lines)[number]>) => setLines((all) => all.map((l) => (l.key === key ? { ...l, ...change } : l)))
	const byId = new Map(products.map((p) => [p.id, p]))
	const estimate = lines.reduce((sum, l) => {
		const product = byId.get(l.productId)
		const price = l.price.trim() ? (parseVndAmount(l.price) ?? 0) : (product?.priceVnd ?? 0)
		return sum + price * (Number(l.qty) || 0)
	}, 0)
	if (products.length === 0) {
		return (
			<div className="mx-auto max-w-2xl">
				<h1 className="mb-4 text-2xl font-bold">{t('form.title')}</h1>
				<p className="card">
					{t('form.noProducts')}{' '}
					<Link to="/products/new" className="underline">
						{t('common:nav.products')}
					</Link>
				</p>
			</div>
		)
	}
	return (
		<div className="mx-auto max-w-2xl">
			<h1 className="mb-1 text-2xl font-bold">{t('form.title')}</h1>
			<p className="mb-4 text-stone-600">{t('form.intro')}</p>
			<Form method="post" noValidate className="space-y-4" data-testid="staff-order-form">
				<fieldset className="card space-y-3">
					<legend className="font-semibold">{t('form.products')}</legend>
					<FormError message={err('lines')} />
					{lines.map((line, index) => (
						<div key={line.key} className="grid grid-cols-2 gap-2 border-b border-stone-100 pb-3 sm:grid-cols-[1fr_6rem_8rem_auto]">
							<label className="col-span-2 sm:col-span-1">
								<span className="field-label">{t('form.product')}</span>
								<select name="productId" value={line.productId} onChange={(e) => update(line.key, { productId: e.target.value })} className="field-input" data-testid="line-product">
									<option value="">{t('form.choose')}</option>
									{products.map((p) => (
										<option key={p.id} value={p.id}>
											{p.code} · {p.name} ({formatVnd(p.priceVnd, lng)}/{p.unit})
										</option>
									))}
								</select>
								<ErrorLine message={err(`lines.${index}.productId`)} />
							</label>
							<label>
								<span className="field-label">{t('form.qty')}</span>
								<input name="qty" inputMode="numeric" value={line.qty} onChange={(e) => update(line.key, { qty: e.target.value })} className="field-input" data-testid="line-qty" />
								<ErrorLine message={err(`lines.${index}.qty`)} />
							</label>
							<label>
								<span className="field-label">{t('form.price')}</span>
								<input
									name="price"
									inputMode="numeric"
									value={line.price}
									placeholder={byId.get(line.productId) ? String(byId.get(line.productId)!.priceVnd) : t('form.pricePlaceholder')}
									onChange={(e) => update(line.key, { price: e.target.value })}
									className="field-input"
								/>
								<ErrorLine message={err(`lines.${index}.price`)} />
							</label>
							{lines.length > 1 ? (
								<button type="button" className="btn-secondary col-span-2 self-end sm:col-span-1" onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))}>
									{t('form.removeLine')}
								</button>
							) : null}
						</div>
					))}
					{lines.length < MAX_STAFF_LINES ? (
						<button type="button" className="btn-secondary" onClick={() => setLines((all) => [...all, { key: nextKey++, productId: '', qty: '1', price: '' }])}>
							{t('form.addLine')}
						</button>
					) : null}
					<p className="font-semibold" data-testid="order-estimate">
						{t('form.estimate', { total: formatVnd(estimate, lng) })}
					</p>
				</fieldset>

				<fieldset className="card">
					<legend className="font-semibold">{t('detail.customer')}</legend>
					<TextField name="customerName" label={t('form.customerName')} error={err('customerName')} autoComplete="off" />
					<TextField name="phone" label={t('form.phone')} error={err('phone')} type="tel" inputMode="tel" />
					<TextField name="address" label={t('form.address')} error={err('address')} multiline />
					<TextField name="note" label={t('form.note')} error={err('note')} multiline />
					<div className="grid grid-cols-2 gap-2">
						<label>
							<span className="field-label">{t('form.via')}</span>
							<select name="via" defaultValue="phone" className="field-input">
								{STAFF_VIA.map((via) => (
									<option key={via} value={via}>
										{t(`via.${via}`)}
									</option>
								))}
							</select>
						</label>
						<label>
							<span className="field-label">{t('form.payment')}</span>
							<select name="payment" defaultValue="cod" className="field-input">
								{PAYMENTS.map((payment) => (
									<option key={payment} value={payment}>
										{t(`payments.${payment}`)}
									</option>
								))}
							</select>
						</label>
					</div>
				</fieldset>

				<fieldset className="card">
					<legend className="font-semibold">{t('form.whereSeen')}</legend>
					<p className="mb-2 text-sm text-stone-600">{t('form.whereSeenHint')}</p>
					<label className="mb-2 block">
						<span className="sr-only">{t('form.whereSeen')}</span>
						<select name="source" defaultValue="" className="field-input" data-testid="order-source">
							<option value="">{t('form.noSource')}</option>
							{sources.map((source) => (
								<option key={source.value} value={source.value}>
									{source.kind === 'live' ? t('form.liveSource', { title: source.label }) : `${source.channel} · ${source.label}`}
								</option>
							))}
						</select>
					</label>
					<ErrorLine message={err('source')} />
					<TextField name="promoCode" label={t('form.orCode')} error={err('promoCode')} autoComplete="off" />
				</fieldset>

				<button type="submit" className="btn-primary w-full sm:w-auto" disabled={navigation.state !== 'idle'}>
					{t('form.submit')}
				</button>
			</Form>
		</div>
	)
}

function TextField({
	name,
	label,
	error,
	multiline,
	...rest
}: { name: string; label: string; error: string | null; multiline?: boolean } & React.InputHTMLAttributes<HTMLInputElement>) {
	const id = `order-${name}`
	return (
		<div className="mb-3">
			<label className="field-label" htmlFor={id}>
				{label}
			</label>
			{multiline ? (
				<textarea id={id} name={name} rows={2} className="field-input" aria-invalid={error ? true : undefined} />
			) : (
				<input id={id} name={name} className="field-input" aria-invalid={error ? true : undefined} {...rest} />
			)}
			<ErrorLine message={error} />
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
