import { useTranslation } from 'react-i18next'

type ProductChoice = { id: string; code: string; name: string }

/** The co-op's products by code and name, submitted as `productId`; choosing none is always allowed. */
export function ProductSelect({ products, id, labelledBy }: { products: ProductChoice[]; id?: string; labelledBy?: string }) {
	const { t } = useTranslation('studio-screen')
	return (
		<select id={id} name="productId" className="field-input" defaultValue="" aria-labelledby={labelledBy}>
			<option value="">{t('newVideo.noProduct')}</option>
			{products.map((product) => (
				<option key={product.id} value={product.id}>
					{product.code} · {product.name}
				</option>
			))}
		</select>
	)
}
