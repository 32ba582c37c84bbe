import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getCoopSummary } from '~/accounts/coop-profile.server.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { commitImport, getImport } from '~/orders/order-imports.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { formatDateTime } from '~/utils/coop-time.ts'
import { isLanguage } from '~/utils/i18n.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { getT } from '~/utils/language.server.ts'
import { formatVnd } from '~/utils/money.ts'
import { invariantResponse, redirectWithToast } from '~/utils/responses.server.ts'

/** Rows of the preview's order table; the figures above it count them all. */
const SHOWN_ORDERS = 50

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'create:order')
	const [found, coop, { t }] = await Promise.all([getImport(coopId, params.importId ?? ''), getCoopSummary(coopId), getT(request)])
	invariantResponse(found, 'Import not found')
	const { orders, ...rest } = found
	return { ...rest, orders: orders.slice(0, SHOWN_ORDERS), timeZone: coop.timezone, pageTitle: t('orders:import.title') }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'create:order')
	const importId = params.importId ?? ''
	const form = await request.formData()
	return dispatchIntent(form, {
		commit: async () => {
			const result = await commitImport(coopId, importId)
			invariantResponse(result, 'Import not found')
			return redirectWithToast(request, `/orders/import/${importId}`, { kind: 'success', key: 'orders:toast.imported', values: { added: result.added } })
		},
	})
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ''} · Co-op Studio` }]

export default function ImportPreviewPage() {
	const preview = useLoaderData<typeof loader>()
	const { summary } = preview
	const navigation = useNavigation()
	const { t, i18n } = useTranslation('orders')
	const lng = isLanguage(i18n.language) ? i18n.language : 'vi'
	const when = (iso: string) => formatDateTime(new Date(iso), lng, preview.timeZone)
	const committed = preview.state === 'committed'
	return (
		<div className="mx-auto max-w-2xl space-y-4">
			<Link to="/orders/import" className="text-sm text-tea-700 underline">
				{t('import.another')}
			</Link>
			<h1 className="text-2xl font-bold break-words">{t('import.previewTitle', { file: preview.fileName })}</h1>
			<section className="card space-y-1" data-testid="import-summary">
				<p>{t('import.detected', { source: t(`sources.${preview.source}`), layout: preview.layout })}</p>
				<p data-testid="import-read">{t('import.read', { count: summary.orders, value: formatVnd(summary.valueVnd, lng) })}</p>
				{summary.from && summary.to ? <p>{t('import.range', { from: when(summary.from), to: when(summary.to) })}</p> : null}
				{summary.cancelled > 0 ? <p>{t('import.cancelled', { count: summary.cancelled })}</p> : null}
				{!committed && summary.alreadyHere > 0 ? <p data-testid="import-already">{t('import.alreadyHere', { count: summary.alreadyHere })}</p> : null}
				{committed ? (
					<p className="font-semibold" data-testid="import-committed">
						{t('import.committed', { added: preview.added, skipped: preview.skipped })}
					</p>
				) : (
					<p className="font-semibold" data-testid="import-to-add">
						{summary.toAdd > 0 ? t('import.toAdd', { count: summary.toAdd, value: formatVnd(summary.toAddValueVnd, lng) }) : t('import.nothingToAdd')}
					</p>
				)}
			</section>
			{preview.problems.length > 0 ? (
				<section className="card border-amber-300 bg-amber-50" data-testid="import-problems">
					<p className="mb-1 font-semibold">{t('import.badRows', { count: preview.problems.length })}</p>
					<ul className="list-disc space-y-1 pl-5 text-sm">
						{preview.problems.map((problem) => (
							<li key={`${problem.line}-${problem.reason}`}>
								{t('import.line', { line: problem.line, reason: t(`import.reasons.${problem.reason}`) })}
								{problem.value ? ` ${t('import.lineValue', { value: problem.value })}` : ''}
								{problem.orderId ? ` · ${t('import.lineOrder', { order: problem.orderId })}` : ''}
							</li>
						))}
					</ul>
				</section>
			) : null}
			{!committed && summary.toAdd > 0 ? (
				<Form method="post">
					<input type="hidden" name="intent" value="commit" />
					<button type="submit" className="btn-primary w-full sm:w-auto" disabled={navigation.state !== 'idle'} data-testid="import-commit">
						{t('import.commit', { count: summary.toAdd })}
					</button>
				</Form>
			) : null}
			<ul className="grid gap-2" data-testid="import-orders">
				{preview.orders.map((order) => (
					<li key={order.orderId} className="card text-sm">
						<span className="flex flex-wrap items-center gap-2">
							<span className="font-mono break-all">{order.orderId}</span>
							<span className="rounded bg-stone-100 px-2 py-0.5 text-xs">{order.alreadyHere ? t('import.here') : t('import.new')}</span>
							{order.cancelled ? <span className="text-xs text-stone-500">{t('states.cancelled')}</span> : null}
							<span className="ml-auto font-semibold">{formatVnd(order.total, lng)}</span>
						</span>
						<span className="block text-stone-600">
							{when(order.createdAt)} · {order.items.map((item) => `${item.qty} × ${item.name || item.sku}`).join(', ')}
						</span>
					</li>
				))}
			</ul>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
