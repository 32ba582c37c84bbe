import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { can } from '~/accounts/permissions.ts'
import { BatchSchema } from '~/products/batch-schema.ts'
import { BatchSection, LabelSection } from '~/products/batch-section.tsx'
import { BatchCodeTakenError, createBatch, findProductPublishing, setBatchArchived, updateBatch } from '~/products/batches.server.ts'
import { ProductErrorBoundary } from '~/products/product-error-boundary.tsx'
import { findProduct } from '~/products/products.server.ts'
import { RestoreProductButton } from '~/products/restore-product-button.tsx'
import { SHOP_LINK_FIELDS } from '~/products/shop-links.ts'
import { thumbnailUrl } from '~/products/thumbnails.ts'
import { TraceabilityPreview } from '~/products/traceability-preview.tsx'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { isLanguage } from '~/utils/i18n.ts'
import { formatVnd } from '~/utils/money.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { invariantResponse, redirectWithToast } from '~/utils/responses.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId, role } = await requireCoopPermission(request, 'read:product')
	const [product, publishing] = await Promise.all([findProduct(coopId, params.productId ?? ''), findProductPublishing(coopId, params.productId ?? '')])
	invariantResponse(product && publishing, 'Product not found', 404)
	return { product, publishing, canEdit: can(role, 'update:product'), canDelete: can(role, 'delete:product') }
}

/** Batches (lô hàng): add, edit, hide, show again (owner and editor). */
export async function action({ request, params }: ActionFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'update:product')
	const productId = params.productId ?? ''
	const formData = await request.formData()
	const here = `/products/${productId}`
	const batchId = String(formData.get('batchId') ?? '')
	const saveBatch = async (save: (input: typeof BatchSchema._output) => Promise<unknown>, toastKey: string) => {
		const submission = parseWithZod(formData, { schema: BatchSchema })
		const id = batchId || null
		if (submission.status !== 'success') return data({ batchErrors: submission.error ?? {}, batchId: id }, { status: 400 })
		try {
			invariantResponse(await save(submission.value), 'Not found', 404)
		} catch (error) {
			if (!(error instanceof BatchCodeTakenError)) throw error
			return data({ batchErrors: { code: ['batches.errors.codeTaken'] }, batchId: id }, { status: 400 })
		}
		return redirectWithToast(request, here, { kind: 'success', key: toastKey, values: { code: submission.value.code } })
	}
	const archive = async (archived: boolean) => {
		invariantResponse(await setBatchArchived(coopId, batchId, archived), 'Not found', 404)
		return redirectWithToast(request, here, { kind: 'success', key: archived ? 'products:batches.archivedToast' : 'products:batches.restored' })
	}
	return dispatchIntent(formData, {
		'create-batch': () => saveBatch((input) => createBatch(coopId, productId, input), 'products:batches.added'),
		'update-batch': () => saveBatch((input) => updateBatch(coopId, batchId, input), 'products:batches.saved'),
		'archive-batch': () => archive(true),
		'restore-batch': () => archive(false),
	})
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.product.name ?? ''} · Co-op Studio` }]

export default function ProductPage() {
	const { product, publishing, canEdit, canDelete } = useLoaderData<typeof loader>()
	const { t, i18n } = useTranslation('products')
	const lng = isLanguage(i18n.language) ? i18n.language : 'vi'
	const links = SHOP_LINK_FIELDS.filter((field) => product.links[field])
	return (
		<div className="mx-auto max-w-3xl">
			<Link to="/products" className="mb-3 inline-block text-sm text-tea-700 underline">
				← {t('detail.backToList')}
			</Link>
			<div className="mb-4 flex flex-wrap items-start gap-3">
				<div className="min-w-0 flex-1">
					<h1 className="text-2xl font-bold">{product.name}</h1>
					<p className="mt-1 text-xl font-semibold text-tea-700" data-testid="product-price">
						{t('list.pricePerUnit', { price: formatVnd(product.priceVnd, lng), unit: product.unit })}
					</p>
				</div>
				{canEdit || canDelete ? (
					<div className="flex gap-2">
						{canEdit ? (
							<Link to={`/products/${product.id}/edit`} className="btn-primary">
								{t('detail.edit')}
							</Link>
						) : null}
						{canDelete ? (
							<Link to={`/products/${product.id}/delete`} className="btn-secondary text-red-700">
								{t('detail.delete')}
							</Link>
						) : null}
					</div>
				) : null}
			</div>
			{product.archived ? (
				<div className="mb-4 flex flex-wrap items-center gap-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="product-archived">
					<p className="min-w-0 flex-1">{t('detail.archived')}</p>
					{canDelete ? <RestoreProductButton productId={product.id} /> : null}
				</div>
			) : null}
			{!canEdit ? <p className="mb-4 rounded-lg bg-sky-50 p-3 text-sm text-sky-900">{t('detail.readOnly')}</p> : null}

			<section className="card mb-4">
				<p className="text-sm text-stone-600">{t('detail.code')}</p>
				<p className="font-mono text-3xl font-bold" data-testid="product-code">
					{product.code}
				</p>
				<p className="text-sm text-stone-600">{t('detail.codeHint', { code: product.code })}</p>
			</section>

			<section className="card mb-4">
				<h2 className="mb-2 text-lg font-semibold">{t('detail.photos')}</h2>
				{product.photoIds.length ? (
					<ul className="grid grid-cols-3 gap-2 sm:grid-cols-4">
						{product.photoIds.map((id, index) => (
							<li key={id} className="relative">
								<img src={thumbnailUrl(id)} alt="" loading="lazy" className="aspect-square w-full rounded-lg object-cover" />
								{index === 0 ? (
									<span className="absolute top-1 left-1 rounded-full bg-tea-600 px-2 text-xs font-semibold text-white">
										{t('detail.cover')}
									</span>
								) : null}
							</li>
						))}
					</ul>
				) : (
					<p className="text-sm text-stone-500">{t('detail.noPhotos')}</p>
				)}
			</section>

			<section className="card mb-4">
				<h2 className="mb-2 text-lg font-semibold">{t('detail.description')}</h2>
				{product.description ? (
					<p className="whitespace-pre-line">{product.description}</p>
				) : (
					<p className="text-sm text-stone-500">{t('detail.noDescription')}</p>
				)}
			</section>

			<div className="mb-4">
				<TraceabilityPreview product={product} />
			</div>

			<section className="card mb-4" data-testid="public-page-link">
				<h2 className="mb-2 text-lg font-semibold">{t('publicPage.title')}</h2>
				{publishing.publicPath ? (
					<a href={publishing.publicPath} target="_blank" rel="noreferrer" className="btn-secondary">
						{t('publicPage.open')}
					</a>
				) : (
					<p className="text-sm text-stone-500">{t('publicPage.hidden')}</p>
				)}
			</section>

			<BatchSection batches={publishing.batches} canEdit={canEdit} />
			<LabelSection productId={product.id} batches={publishing.batches} />

			<section className="card mb-4">
				<h2 className="mb-2 text-lg font-semibold">{t('detail.whereToBuy')}</h2>
				{links.length || product.orderPhone ? (
					<ul className="flex flex-wrap gap-2">
						{links.map((field) => (
							<li key={field}>
								<a href={product.links[field]} target="_blank" rel="noopener noreferrer" className="btn-secondary">
									{t(`links.${field}`)}
								</a>
							</li>
						))}
						{product.orderPhone ? (
							<li>
								<a href={`tel:${product.orderPhone}`} className="btn-secondary" data-testid="order-phone">
									{t('links.orderPhone')}: {product.orderPhone}
								</a>
							</li>
						) : null}
					</ul>
				) : (
					<p className="text-sm text-stone-500">{t('detail.noLinks')}</p>
				)}
			</section>
		</div>
	)
}

export const ErrorBoundary = ProductErrorBoundary
