import { useTranslation } from 'react-i18next'
import { formatDuration } from './format.ts'
import { KindIcon } from './icons.tsx'
import type { LibraryItem } from './library.server.ts'

/** The square picture of a media item: its thumbnail (or an icon until there is one) and its duration. */
export function MediaThumb({ item }: { item: Pick<LibraryItem, 'id' | 'kind' | 'hasThumb' | 'durationMs'> }) {
	const { t } = useTranslation('media')
	return (
		<span className="relative block aspect-square overflow-hidden rounded-lg bg-stone-200">
			{item.hasThumb ? (
				<img src={`/library/${item.id}/thumb`} alt="" loading="lazy" className="h-full w-full object-cover" data-testid="media-thumb" />
			) : (
				<span className="flex h-full w-full items-center justify-center text-stone-500" role="img" aria-label={t(`kinds.${item.kind}`)}>
					<KindIcon kind={item.kind} className="size-12" />
				</span>
			)}
			{item.durationMs && item.kind !== 'photo' ? (
				<span className="absolute right-1 bottom-1 rounded bg-black/70 px-1.5 py-0.5 text-xs font-semibold text-white tabular-nums" data-testid="media-duration">
					{formatDuration(item.durationMs)}
				</span>
			) : null}
		</span>
	)
}
