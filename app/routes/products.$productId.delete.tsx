import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ProductErrorBoundary } from '~/products/product-error-boundary.tsx'
import { deleteProduct, findProduct } from '~/products/products.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { invariantResponse, redirectWithToast } from '~/utils/responses.server.ts'

// Deleting asks first on a page of its own, so it works the same with or
// without JavaScript and cannot happen from one mistaken tap.

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'delete:product')
	const product = await findProduct(coopId, params.productId ?? '')
	invariantResponse(product, 'Product not found', 404)
	return { product: { id: product.id, name: product.name, code: product.code } }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'delete:product')
	const product = await findProduct(coopId, params.productId ?? '')
	invariantResponse(product, 'Product not found', 404)
	invariantResponse(await deleteProduct(coopId, product.id), 'Product not found', 404)
	return redirectWithToast(request, '/products', {
		kind: 'success',
		key: 'products:toast.deleted',
		values: { name: product.name },
	})
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.product.name ?? ''} · Co-op Studio` }]

export default function DeleteProductPage() {
	const { product } = useLoaderData<typeof loader>()
	const { t } = useTranslation('products')
	return (
		<div className="card mx-auto max-w-xl">
			<h1 className="mb-2 text-xl font-bold">{t('delete.title', { name: product.name })}</h1>
			<p className="mb-4 text-stone-700">{t('delete.explain', { code: product.code })}</p>
			<Form method="post" className="flex flex-wrap gap-2">
				<button type="submit" className="btn-danger">
					{t('delete.confirm')}
				</button>
				<Link to={`/products/${product.id}`} className="btn-secondary">
					{t('delete.cancel')}
				</Link>
			</Form>
		</div>
	)
}

export const ErrorBoundary = ProductErrorBoundary
