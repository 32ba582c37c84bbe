import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getProfile } from '~/accounts/profile.server.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { countMedia } from '~/media/library.server.ts'
import { countProducts } from '~/products/products.server.ts'
import { requireCoopMember } from '~/utils/auth.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { userId, coopId } = await requireCoopMember(request)
	const [user, mediaCount, productCount] = await Promise.all([getProfile(userId), countMedia(coopId), countProducts(coopId)])
	return { name: user.name, mediaCount, productCount }
}

export const meta: MetaFunction = () => [{ title: 'Co-op Studio' }]

export default function Home() {
	const { t } = useTranslation()
	const { name, mediaCount, productCount } = useLoaderData<typeof loader>()
	return (
		<div>
			<h1 className="mb-1 text-2xl font-bold">{t('home.title', { name })}</h1>
			<p className="mb-6 text-stone-600">{t('home.intro')}</p>
			<div className="grid gap-3 sm:grid-cols-2">
				<Link to="/library" className="card hover:border-tea-500">
					<div className="text-3xl font-bold text-tea-700">{mediaCount}</div>
					<div className="text-stone-600">{t('nav.library')}</div>
				</Link>
				<Link to="/products" className="card hover:border-tea-500">
					<div className="text-3xl font-bold text-tea-700">{productCount}</div>
					<div className="text-stone-600">{t('nav.products')}</div>
				</Link>
			</div>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
