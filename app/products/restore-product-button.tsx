import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** Brings an archived product back (docs/decisions/116-archive-not-delete.md); shown to those who may delete products. */
export function RestoreProductButton({ productId, className = '' }: { productId: string; className?: string }) {
	const { t } = useTranslation('products')
	return (
		<Form method="post" action={`/products/${productId}/restore`}>
			<button type="submit" className={`btn-secondary ${className}`}>
				{t('detail.restore')}
			</button>
		</Form>
	)
}
