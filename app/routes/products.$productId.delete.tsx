import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ProductErrorBoundary } from '~/products/product-error-boundary.tsx'
import { describeProductRemoval, findProduct, removeProduct, type ProductUsage } from '~/products/products.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { invariantResponse, redirectWithToast } from '~/utils/responses.server.ts'

// Deleting asks first on a page of its own, so it works the same with or
// without JavaScript and cannot happen from one mistaken tap. A product that
// something points at is archived instead, and the page says so first
// (docs/decisions/116-archive-not-delete.md).

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'delete:product')
	const productId = params.productId ?? ''
	const [product, removal] = await Promise.all([findProduct(coopId, productId), describeProductRemoval(coopId, productId)])
	invariantResponse(product && removal, 'Product not found', 404)
	return { product: { id: product.id, name: product.name, code: product.code }, ...removal }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'delete:product')
	const product = await findProduct(coopId, params.productId ?? '')
	invariantResponse(product, 'Product not found', 404)
	const removal = await removeProduct(coopId, product.id)
	invariantResponse(removal, 'Product not found', 404)
	return redirectWithToast(request, '/products', {
		kind: 'success',
		key: removal.outcome === 'archived' ? 'products:toast.archived' : 'products:toast.deleted',
		values: { name: product.name },
	})
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.product.name ?? ''} · Co-op Studio` }]

export default function DeleteProductPage() {
	const { product, usage, willArchive } = useLoaderData<typeof loader>()
	const { t } = useTranslation('products')
	return (
		<div className="card mx-auto max-w-xl">
			<h1 className="mb-2 text-xl font-bold">{t('delete.title', { name: product.name })}</h1>
			<p className="mb-4 text-stone-700" data-testid="delete-explain">
				{willArchive ? t('delete.inUse', { code: product.code, places: usagePlaces(usage, t) }) : t('delete.explain', { code: product.code })}
			</p>
			<Form method="post" className="flex flex-wrap gap-2">
				<button type="submit" className="btn-danger">
					{willArchive ? t('delete.archiveConfirm') : t('delete.confirm')}
				</button>
				<Link to={`/products/${product.id}`} className="btn-secondary">
					{t('delete.cancel')}
				</Link>
			</Form>
		</div>
	)
}

const USAGE_KEYS: Record<keyof ProductUsage, string> = {
	edits: 'delete.usageEdits',
	photoPosts: 'delete.usagePhotoPosts',
	mediaTags: 'delete.usageMediaTags',
}

/** "2 video, 1 bộ ảnh": the kinds of thing that point at the product, with their counts. */
function usagePlaces(usage: ProductUsage, t: (key: string, options: { count: number }) => string) {
	return (Object.keys(USAGE_KEYS) as (keyof ProductUsage)[])
		.filter((kind) => usage[kind] > 0)
		.map((kind) => t(USAGE_KEYS[kind], { count: usage[kind] }))
		.join(', ')
}

export const ErrorBoundary = ProductErrorBoundary
