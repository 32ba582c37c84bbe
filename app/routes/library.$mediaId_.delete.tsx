import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { deleteMedia, requireMediaItem } from '~/media/library.server.ts'
import { MediaThumb } from '~/media/media-thumb.tsx'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'

// Deleting asks first on a page of its own, so that it works the same with or
// without JavaScript and never happens from one mistaken tap.

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'delete:media')
	const item = await requireMediaItem(coopId, params.mediaId!)
	return { item: { id: item.id, displayName: item.displayName, kind: item.kind, hasThumb: item.hasThumb, durationMs: item.durationMs } }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'delete:media')
	await deleteMedia(coopId, params.mediaId!)
	return redirectWithToast(request, '/library', { kind: 'success', key: 'media:delete.done' })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.item.displayName ?? ''} · Co-op Studio` }]

export default function DeleteMediaPage() {
	const { item } = useLoaderData<typeof loader>()
	const { t } = useTranslation('media')
	return (
		<div className="card mx-auto max-w-xl">
			<div className="mb-3 w-32">
				<MediaThumb item={item} />
			</div>
			<h1 className="mb-2 text-xl font-bold break-words">{t('delete.confirmTitle', { name: item.displayName })}</h1>
			<p className="mb-4 text-stone-700">{t('delete.confirmBody')}</p>
			<Form method="post" className="flex flex-wrap gap-2">
				<button type="submit" className="btn-danger" data-testid="confirm-delete">
					{t('delete.confirm')}
				</button>
				<Link to={`/library/${item.id}`} className="btn-secondary">
					{t('delete.cancel')}
				</Link>
			</Form>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary back="library" />
}
