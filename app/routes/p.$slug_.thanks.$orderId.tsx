import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RECEIVED_WITHOUT_NUMBER } from '~/orders/web-order-post.server.ts'
import { orderLabel, orderTransferLabel } from '~/orders/order-state.ts'
import { findWebOrderThanks } from '~/orders/web-orders.server.ts'
import { PublicNotFound } from '~/products/public-not-found.tsx'
import type { BareHandle } from '~/root.tsx'
import { isLanguage } from '~/utils/i18n.ts'
import { formatVnd } from '~/utils/money.ts'
import { invariantResponse } from '~/utils/responses.server.ts'

// After ordering: the order number and, for a bank transfer, the VietQR code
// carrying the amount and the order number (drawn here as inline SVG).

export async function loader({ params }: LoaderFunctionArgs) {
	const slug = params.slug ?? ''
	if (params.orderId === RECEIVED_WITHOUT_NUMBER) return { slug, receipt: null }
	const receipt = await findWebOrderThanks(slug, params.orderId ?? '')
	invariantResponse(receipt, 'Not found', 404)
	return { slug, receipt }
}

export const meta: MetaFunction = () => [{ title: 'Co-op Studio' }, { name: 'robots', content: 'noindex' }]

export const handle: BareHandle = { bare: true, scripts: false }

export default function ThanksPage() {
	const { slug, receipt } = useLoaderData<typeof loader>()
	const { t, i18n } = useTranslation('shop')
	const lng = isLanguage(i18n.language) ? i18n.language : 'vi'
	const total = receipt ? formatVnd(receipt.totalVnd, lng) : ''
	const order = receipt ? orderLabel(receipt.number) : ''
	const content = receipt ? orderTransferLabel(receipt.number) : ''
	return (
		<main className="mx-auto max-w-xl p-4" data-testid="order-thanks">
			<h1 className="mb-2 text-2xl font-bold">{t('thanks.title')}</h1>
			{receipt ? (
				<>
					<p className="text-lg font-semibold" data-testid="order-number">
						{t('thanks.number', { order })}
					</p>
					<p className="mt-1">{t('thanks.total', { total })}</p>
				</>
			) : null}
			<p className="mt-2">{t('thanks.received')}</p>
			{receipt?.transfer ? (
				<section className="card mt-4" data-testid="vietqr">
					<p className="mb-2">{t('thanks.transfer', { content })}</p>
					<div
						role="img"
						aria-label={t('thanks.qrAlt', { total, order })}
						className="mx-auto w-64 max-w-full"
						data-payload={receipt.transfer.payload}
						// Our own SVG from the qrcode library, no user text inside it.
						dangerouslySetInnerHTML={{ __html: receipt.transfer.svg }}
					/>
					<p className="mt-2 text-sm text-stone-600">
						{t('thanks.account', { name: receipt.transfer.accountName, account: receipt.transfer.account, content })}
					</p>
				</section>
			) : receipt ? (
				<p className="mt-2">{t('thanks.cod')}</p>
			) : null}
			<a className="mt-4 inline-block text-tea-700 underline" href={`/p/${slug}`}>
				{t('thanks.back')}
			</a>
		</main>
	)
}

export const ErrorBoundary = PublicNotFound
