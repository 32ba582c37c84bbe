import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PickableMedia } from '~/studio/edits/editor-state.ts'
import { formatSeconds } from '~/studio/edits/time-format.ts'

type Props = {
	media: PickableMedia[]
	onAdd: (chosen: PickableMedia[]) => void
	onClose: () => void
}

/** The co-op's clips and photos as thumbnails; tapped ones are added to the end of the video in the order tapped. */
export function MediaPicker({ media, onAdd, onClose }: Props) {
	const { t } = useTranslation('studio-screen')
	const [chosen, setChosen] = useState<string[]>([])
	const [kind, setKind] = useState<'all' | 'video' | 'photo'>('all')
	const visible = media.filter((m) => (m.kind === 'video' || m.kind === 'photo') && (kind === 'all' || m.kind === kind))
	const toggle = (id: string) => setChosen((current) => (current.includes(id) ? current.filter((c) => c !== id) : [...current, id]))
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
				<div className="grid flex-1 grid-cols-3 gap-2 overflow-y-auto p-3 sm:grid-cols-5">
					{visible.length === 0 ? <p className="col-span-full text-stone-500">{t('picker.empty')}</p> : null}
					{visible.map((item) => {
						const order = chosen.indexOf(item.id)
						return (
							<button
								key={item.id}
								type="button"
								className={`relative overflow-hidden rounded-lg border-2 text-left ${order >= 0 ? 'border-tea-600' : 'border-transparent'}`}
								onClick={() => toggle(item.id)}
								aria-pressed={order >= 0}
								data-testid="picker-item"
							>
								<img src={`/library/${item.id}/thumb`} alt="" className="aspect-square w-full bg-stone-200 object-cover" loading="lazy" />
								<span className="block truncate p-1 text-xs">{item.displayName}</span>
								{item.kind === 'video' && item.durationMs ? (
									<span className="absolute top-1 left-1 rounded bg-black/70 px-1 text-xs text-white">{formatSeconds(item.durationMs / 1000)}</span>
								) : null}
								{order >= 0 ? (
									<span className="absolute top-1 right-1 flex h-6 w-6 items-center justify-center rounded-full bg-tea-600 text-xs font-bold text-white">{order + 1}</span>
								) : null}
							</button>
						)
					})}
				</div>
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
