import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { productFormDefaults } from '~/products/form-defaults.ts'
import { listPickablePhotos } from '~/products/photos.server.ts'
import { ProductErrorBoundary } from '~/products/product-error-boundary.tsx'
import { ProductForm } from '~/products/product-form.tsx'
import { findProduct, updateProduct } from '~/products/products.server.ts'
import { invalidProductForm, parseProductForm, refusedProductSave } from '~/products/submission.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { invariantResponse, redirectWithToast } from '~/utils/responses.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'update:product')
	const [product, library] = await Promise.all([findProduct(coopId, params.productId ?? ''), listPickablePhotos(coopId)])
	invariantResponse(product, 'Product not found', 404)
	return { product: { id: product.id, name: product.name }, defaults: productFormDefaults(product), library }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'update:product')
	const submission = await parseProductForm(request)
	if (submission.status !== 'success') return invalidProductForm(submission)
	let saved: { id: string } | null
	try {
		saved = await updateProduct(coopId, params.productId ?? '', submission.value)
	} catch (error) {
		return refusedProductSave(submission, error)
	}
	invariantResponse(saved, 'Product not found', 404)
	return redirectWithToast(request, `/products/${saved.id}`, {
		kind: 'success',
		key: 'products:toast.updated',
		values: { name: submission.value.name },
	})
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.product.name ?? ''} · Co-op Studio` }]

export default function EditProductPage() {
	const { product, defaults, library } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('products')
	return (
		<div className="mx-auto max-w-2xl">
			<h1 className="mb-4 text-2xl font-bold">{t('form.editTitle', { name: product.name })}</h1>
			<ProductForm
				lastResult={actionData?.result}
				defaults={defaults}
				library={library}
				codeSuggestion={actionData?.codeSuggestion}
				submitLabel={t('form.save')}
				cancelTo={`/products/${product.id}`}
			/>
		</div>
	)
}

export const ErrorBoundary = ProductErrorBoundary
