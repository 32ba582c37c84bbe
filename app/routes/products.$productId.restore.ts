import { type ActionFunctionArgs } from '@remix-run/node'
import { findProduct, restoreProduct } from '~/products/products.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { invariantResponse, redirectWithToast } from '~/utils/responses.server.ts'

// Undoes an archive (docs/decisions/116-archive-not-delete.md): the people who
// may delete a product may bring it back.

export async function action({ request, params }: ActionFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'delete:product')
	const product = await findProduct(coopId, params.productId ?? '')
	invariantResponse(product && (await restoreProduct(coopId, product.id)), 'Product not found', 404)
	return redirectWithToast(request, `/products/${product.id}`, { kind: 'success', key: 'products:toast.restored', values: { name: product.name } })
}
