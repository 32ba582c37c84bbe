import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listPickablePhotos } from '~/products/photos.server.ts'
import { ProductErrorBoundary } from '~/products/product-error-boundary.tsx'
import { ProductForm } from '~/products/product-form.tsx'
import { createProduct, suggestCodeForCoop } from '~/products/products.server.ts'
import { invalidProductForm, parseProductForm, refusedProductSave } from '~/products/submission.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { getT } from '~/utils/language.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'create:product')
	const [library, codeSuggestion, { t }] = await Promise.all([
		listPickablePhotos(coopId),
		suggestCodeForCoop(coopId),
		getT(request),
	])
	return { library, codeSuggestion, title: t('products:form.newTitle') }
}

export async function action({ request }: ActionFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'create:product')
	const submission = await parseProductForm(request)
	if (submission.status !== 'success') return invalidProductForm(submission)
	try {
		const product = await createProduct(coopId, submission.value)
		return redirectWithToast(request, `/products/${product.id}`, {
			kind: 'success',
			key: 'products:toast.created',
			values: { name: submission.value.name },
		})
	} catch (error) {
		return refusedProductSave(submission, error)
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Co-op Studio` }]

export default function NewProductPage() {
	const { library, codeSuggestion } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('products')
	return (
		<div className="mx-auto max-w-2xl">
			<h1 className="mb-4 text-2xl font-bold">{t('form.newTitle')}</h1>
			<ProductForm
				lastResult={actionData?.result}
				defaults={{ code: codeSuggestion ?? '', photoIds: [] }}
				library={library}
				codeSuggestion={actionData?.codeSuggestion ?? codeSuggestion}
				submitLabel={t('form.create')}
				cancelTo="/products"
			/>
		</div>
	)
}

export const ErrorBoundary = ProductErrorBoundary
