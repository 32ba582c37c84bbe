import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { can } from '~/accounts/permissions.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { LibraryFilterForm } from '~/media/library-filter-form.tsx'
import { hasFilters, parseLibraryFilters } from '~/media/library-filters.ts'
import { libraryFacets, listLibrary } from '~/media/library.server.ts'
import { MediaCard } from '~/media/media-card.tsx'
import { UploadPanel } from '~/media/upload-panel.tsx'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { getT } from '~/utils/language.server.ts'
import { useCoopEvents, useRevalidateOnCoopEvents } from '~/utils/use-coop-events.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId, role } = await requireCoopPermission(request, 'read:media')
	const filters = parseLibraryFilters(new URL(request.url).searchParams)
	const [{ items, total }, facets, { t }] = await Promise.all([listLibrary(coopId, filters), libraryFacets(coopId), getT(request)])
	const env = getEnv()
	return {
		items,
		total,
		filters,
		facets,
		limits: { maxBytes: env.UPLOAD_MAX_BYTES, maxMegapixels: env.IMAGE_MAX_MEGAPIXELS },
		canUpload: can(role, 'create:media'),
		canEdit: can(role, 'update:media'),
		canDelete: can(role, 'delete:media'),
		title: t('media:library.title'),
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Co-op Studio` }]

export default function LibraryPage() {
	const { items, total, filters, facets, limits, canUpload, canEdit, canDelete } = useLoaderData<typeof loader>()
	const { t } = useTranslation('media')
	const progress = useProcessingProgress()
	useRevalidateOnCoopEvents((event) => event.type.startsWith('media.') && event.type !== 'media.progress')
	return (
		<div>
			<h1 className="mb-1 text-2xl font-bold">{t('library.title')}</h1>
			<p className="mb-4 text-stone-600">{t('library.intro')}</p>
			{canUpload ? <UploadPanel maxBytes={limits.maxBytes} maxMegapixels={limits.maxMegapixels} library={items} /> : <p className="card mb-4 text-sm text-stone-700">{t('upload.viewerNote')}</p>}
			<LibraryFilterForm filters={filters} facets={facets} />
			<p className="mb-2 text-sm text-stone-600" data-testid="library-count">
				{items.length < total ? t('library.shownOf', { shown: items.length, total }) : t('library.count', { count: total })}
			</p>
			{items.length === 0 ? (
				<p className="card text-stone-700" data-testid="library-empty">
					{hasFilters(filters) ? t('library.noMatch') : canUpload ? t('library.empty') : t('library.emptyViewer')}
				</p>
			) : (
				<ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-5" data-testid="library-grid">
					{items.map((item) => (
						<MediaCard key={item.id} item={item} progress={progress[item.id]} canEdit={canEdit} canDelete={canDelete} />
					))}
				</ul>
			)}
		</div>
	)
}

/** Processing progress per media id, from the worker's live `media.progress` events. */
function useProcessingProgress() {
	const [progress, setProgress] = useState<Record<string, number>>({})
	useCoopEvents((event) => {
		if (event.type !== 'media.progress' || typeof event.mediaId !== 'string' || typeof event.percent !== 'number') return
		const { mediaId, percent } = event
		setProgress((current) => ({ ...current, [mediaId]: percent }))
	})
	return progress
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary back="library" />
}
