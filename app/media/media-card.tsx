import { Link, useFetcher } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatDuration } from './format.ts'
import type { LibraryItem } from './library.server.ts'
import { MediaThumb } from './media-thumb.tsx'

type MediaCardProps = {
	item: LibraryItem
	/** Processing progress in percent, as the worker reports it live. */
	progress: number | undefined
	canEdit: boolean
	canDelete: boolean
}

/** One tile of the library grid: ready, still processing, failed (with what to do) or a duplicate to decide on. */
export function MediaCard({ item, progress, canEdit, canDelete }: MediaCardProps) {
	const { t } = useTranslation('media')
	return (
		<li className="card flex flex-col gap-2 p-2" data-testid="media-card" data-status={item.status} data-media-id={item.id}>
			<Link to={`/library/${item.id}`} className="block" aria-label={openLabel(item, t)}>
				<MediaThumb item={item} />
			</Link>
			<p className="truncate text-sm font-medium" title={item.displayName} data-testid="media-name">
				{item.displayName}
			</p>
			<p className="text-xs text-stone-600">
				{t(`kinds.${item.kind}`)}
				{item.width && item.height ? <span data-testid="media-dimensions">{` · ${item.width}×${item.height}`}</span> : null}
			</p>
			{item.status === 'processing' ? <ProcessingNote progress={progress} /> : null}
			{item.status === 'ready' && item.fullDurationMs && item.durationMs ? (
				<p className="rounded-lg bg-amber-50 p-2 text-sm text-amber-950" data-testid="media-truncated">
					{t('card.truncated', { usable: formatDuration(item.durationMs), full: formatDuration(item.fullDurationMs) })}
				</p>
			) : null}
			{item.status === 'failed' ? <FailureNote item={item} canDelete={canDelete} /> : null}
			{item.status !== 'failed' && item.duplicateOfId ? <DuplicateChoice item={item} canEdit={canEdit} canDelete={canDelete} /> : null}
		</li>
	)
}

/** The link's name holds the duration shown on the thumbnail: a name must contain the visible text (WCAG 2.5.3). */
function openLabel(item: LibraryItem, t: (key: string, values: Record<string, string>) => string) {
	const open = t('card.open', { name: item.displayName })
	return item.durationMs && item.kind !== 'photo' ? `${open}, ${formatDuration(item.durationMs)}` : open
}

function ProcessingNote({ progress }: { progress: number | undefined }) {
	const { t } = useTranslation('media')
	return (
		<p className="flex items-center gap-2 text-sm text-stone-700" role="status" data-testid="media-processing">
			<span className="inline-block size-4 animate-spin rounded-full border-2 border-tea-600 border-t-transparent" aria-hidden />
			{progress !== undefined ? t('card.processingPercent', { percent: progress }) : t('card.processing')}
		</p>
	)
}

function FailureNote({ item, canDelete }: { item: LibraryItem; canDelete: boolean }) {
	const { t } = useTranslation('media')
	return (
		<div className="rounded-lg bg-red-50 p-2 text-sm text-red-900" role="alert" data-testid="media-failure">
			<p className="mb-1 font-semibold">{t('card.failed')}</p>
			<p className="mb-2">{t(`errors.${item.errorCode ?? 'processing-error'}`)}</p>
			{canDelete ? (
				<Link to={`/library/${item.id}/delete`} className="btn-danger w-full">
					{t('card.delete')}
				</Link>
			) : null}
		</div>
	)
}

function DuplicateChoice({ item, canEdit, canDelete }: { item: LibraryItem; canEdit: boolean; canDelete: boolean }) {
	const { t } = useTranslation('media')
	const fetcher = useFetcher()
	return (
		<div className="rounded-lg bg-amber-50 p-2 text-sm text-amber-950" data-testid="media-duplicate">
			<p className="mb-1 font-semibold">{t('card.duplicate')}</p>
			<Link to={`/library/${item.duplicateOfId}`} className="mb-2 block underline">
				{t('card.duplicateView')}
			</Link>
			<div className="flex flex-wrap gap-2">
				{canEdit ? (
					<fetcher.Form method="post" action={`/library/${item.id}`} className="flex-1">
						<button type="submit" name="intent" value="keep-duplicate" className="btn-secondary w-full" disabled={fetcher.state !== 'idle'}>
							{t('card.duplicateKeep')}
						</button>
					</fetcher.Form>
				) : null}
				{canDelete ? (
					// The same bytes stay in the library, so discarding the copy needs no second confirmation.
					<fetcher.Form method="post" action={`/library/${item.id}/delete`} className="flex-1">
						<button type="submit" className="btn-danger w-full" disabled={fetcher.state !== 'idle'}>
							{t('card.duplicateDiscard')}
						</button>
					</fetcher.Form>
				) : null}
			</div>
		</div>
	)
}
