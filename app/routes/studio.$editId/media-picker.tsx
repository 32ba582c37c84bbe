import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MediaChoiceGrid, useOrderedChoice } from '~/components/media-choice-grid.tsx'
import type { PickableMedia } from '~/studio/edits/editor-state.ts'

type Props = {
	media: PickableMedia[]
	onAdd: (chosen: PickableMedia[]) => void
	onClose: () => void
}

/** The co-op's clips and photos as thumbnails; tapped ones are added to the end of the video in the order tapped. */
export function MediaPicker({ media, onAdd, onClose }: Props) {
	const { t } = useTranslation('studio-screen')
	const { chosen, toggle } = useOrderedChoice()
	const [kind, setKind] = useState<'all' | 'video' | 'photo'>('all')
	const visible = media.filter((m) => (m.kind === 'video' || m.kind === 'photo') && (kind === 'all' || m.kind === kind))
	return (
		<div className="fixed inset-0 z-40 flex items-end bg-black/40 sm:items-center sm:justify-center" role="dialog" aria-modal="true" aria-labelledby="media-picker-title">
			<div className="flex max-h-[92dvh] w-full flex-col rounded-t-2xl bg-white sm:max-w-3xl sm:rounded-2xl">
				<div className="flex items-center gap-2 border-b border-stone-200 p-3">
					<h2 id="media-picker-title" className="text-lg font-bold">
						{t('picker.title')}
					</h2>
					<button type="button" className="btn-secondary ml-auto" onClick={onClose}>
						{t('picker.close')}
					</button>
				</div>
				<div className="flex gap-1 p-3" role="tablist">
					{(['all', 'video', 'photo'] as const).map((option) => (
						<button
							key={option}
							type="button"
							role="tab"
							aria-selected={kind === option}
							className={`rounded-full px-4 py-2 text-sm font-medium ${kind === option ? 'bg-tea-600 text-white' : 'bg-stone-100'}`}
							onClick={() => setKind(option)}
						>
							{t(`picker.kinds.${option}`)}
						</button>
					))}
				</div>
				{visible.length === 0 ? (
					<p className="flex-1 p-3 text-stone-500">{t('picker.empty')}</p>
				) : (
					<MediaChoiceGrid items={visible} chosen={chosen} onToggle={toggle} testId="picker-item" className="flex-1 overflow-y-auto p-3" />
				)}
				<div className="border-t border-stone-200 p-3">
					<button
						type="button"
						className="btn-primary w-full"
						disabled={chosen.length === 0}
						onClick={() => onAdd(chosen.map((id) => media.find((m) => m.id === id)!).filter(Boolean))}
					>
						{t('picker.add', { count: chosen.length })}
					</button>
				</div>
			</div>
		</div>
	)
}
