import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { can } from '~/accounts/permissions.ts'
import { ProductErrorBoundary } from '~/products/product-error-boundary.tsx'
import { countArchivedProducts, listProducts } from '~/products/products.server.ts'
import { RestoreProductButton } from '~/products/restore-product-button.tsx'
import { thumbnailUrl } from '~/products/thumbnails.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { isLanguage } from '~/utils/i18n.ts'
import { getT } from '~/utils/language.server.ts'
import { formatVnd } from '~/utils/money.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId, role } = await requireCoopPermission(request, 'read:product')
	const params = new URL(request.url).searchParams
	const query = (params.get('q') ?? '').slice(0, 100)
	// ?archived=1 lists the archived products instead (docs/decisions/116-archive-not-delete.md).
	const archived = params.get('archived') === '1'
	const [products, archivedCount, { t }] = await Promise.all([
		listProducts(coopId, query, { archived }),
		countArchivedProducts(coopId),
		getT(request),
	])
	return {
		products,
		query,
		archived,
		archivedCount,
		canCreate: can(role, 'create:product'),
		canRestore: can(role, 'delete:product'),
		title: t(archived ? 'products:list.archivedTitle' : 'products:list.title'),
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Co-op Studio` }]

export default function ProductsPage() {
	const { products, query, archived, archivedCount, canCreate, canRestore } = useLoaderData<typeof loader>()
	const { t, i18n } = useTranslation('products')
	const lng = isLanguage(i18n.language) ? i18n.language : 'vi'
	return (
		<div>
			<div className="mb-3 flex flex-wrap items-center gap-3">
				<h1 className="text-2xl font-bold">{t(archived ? 'list.archivedTitle' : 'list.title')}</h1>
				{archived ? (
					<Link to="/products" className="text-sm text-tea-700 underline">
						{t('list.backToActive')}
					</Link>
				) : archivedCount > 0 ? (
					<Link to="/products?archived=1" className="text-sm text-tea-700 underline" data-testid="archived-link">
						{t('list.archivedLink', { count: archivedCount })}
					</Link>
				) : null}
				{canCreate && !archived ? (
					<Link to="/products/new" className="btn-primary ml-auto">
						{t('list.new')}
					</Link>
				) : null}
			</div>
			<p className="mb-4 text-stone-600">{t(archived ? 'list.archivedIntro' : 'list.intro')}</p>
			<Form method="get" role="search" className="mb-4 flex gap-2">
				{archived ? <input type="hidden" name="archived" value="1" /> : null}
				<label htmlFor="product-search" className="sr-only">
					{t('list.searchLabel')}
				</label>
				<input
					id="product-search"
					type="search"
					name="q"
					defaultValue={query}
					placeholder={t('list.searchPlaceholder')}
					className="field-input"
					autoComplete="off"
				/>
				<button type="submit" className="btn-secondary">
					{t('list.searchSubmit')}
				</button>
			</Form>
			{query ? (
				<p className="mb-3 text-sm text-stone-600">
					{t('list.count', { count: products.length })} ·{' '}
					<Link to={archived ? '/products?archived=1' : '/products'} className="underline">
						{t('list.clearSearch')}
					</Link>
				</p>
			) : null}
			{products.length === 0 ? (
				<p className="card text-stone-700" data-testid="products-empty">
					{query ? t('list.noMatch', { query }) : archived ? t('list.archivedEmpty') : canCreate ? t('list.empty') : t('list.emptyViewer')}
				</p>
			) : (
				<ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="product-list">
					{products.map((product) => (
						<li key={product.id} className="flex flex-col gap-1">
							<Link to={`/products/${product.id}`} className="card flex items-center gap-3 hover:border-tea-500">
								{product.coverPhotoId ? (
									<img
										src={thumbnailUrl(product.coverPhotoId)}
										alt=""
										loading="lazy"
										className="size-20 shrink-0 rounded-lg object-cover"
									/>
								) : (
									<span className="flex size-20 shrink-0 items-center justify-center rounded-lg bg-stone-100 p-1 text-center text-xs text-stone-600">
										{t('list.noPhoto')}
									</span>
								)}
								<span className="min-w-0">
									<span className="mb-1 flex items-center gap-2">
										<span className="rounded bg-tea-100 px-2 py-0.5 font-mono text-sm font-bold text-tea-900" data-testid="product-code">
											{product.code}
										</span>
									</span>
									<span className="block font-semibold" data-testid="product-name">
										{product.name}
									</span>
									<span className="block text-stone-700" data-testid="product-price">
										{t('list.pricePerUnit', { price: formatVnd(product.priceVnd, lng), unit: product.unit })}
									</span>
								</span>
							</Link>
							{archived && canRestore ? <RestoreProductButton productId={product.id} className="w-full" /> : null}
						</li>
					))}
				</ul>
			)}
		</div>
	)
}

export const ErrorBoundary = ProductErrorBoundary
