import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatSeconds } from '~/studio/edits/time-format.ts'

type ChoosableMedia = {
	id: string
	displayName: string
	durationMs: number | null
	/** Clip analysis found a moment worth suggesting. */
	hasHighlight?: boolean
}

/** The ids a person has tapped, in the order tapped (the order the video or photo set uses); tapping again takes one out. */
export function useOrderedChoice() {
	const [chosen, setChosen] = useState<string[]>([])
	const toggle = (id: string) => setChosen((current) => (current.includes(id) ? current.filter((c) => c !== id) : [...current, id]))
	return { chosen, toggle }
}

/** The co-op's files as thumbnails to tap; each chosen one shows its place in the order. */
export function MediaChoiceGrid({
	items,
	chosen,
	onToggle,
	inputName,
	testId,
	className = '',
}: {
	items: ChoosableMedia[]
	chosen: string[]
	onToggle: (id: string) => void
	/** Inside a form: the field that submits the chosen ids, in the order tapped. */
	inputName?: string
	testId: string
	className?: string
}) {
	const { t } = useTranslation('studio-screen')
	return (
		<div className={`grid grid-cols-3 gap-2 sm:grid-cols-5 ${className}`}>
			{inputName ? chosen.map((id) => <input key={id} type="hidden" name={inputName} value={id} />) : null}
			{items.map((item) => {
				const order = chosen.indexOf(item.id)
				return (
					<button
						key={item.id}
						type="button"
						className={`relative overflow-hidden rounded-lg border-2 text-left ${order >= 0 ? 'border-tea-600' : 'border-transparent'}`}
						onClick={() => onToggle(item.id)}
						aria-pressed={order >= 0}
						data-testid={testId}
					>
						<img src={`/library/${item.id}/thumb`} alt="" className="aspect-square w-full bg-stone-200 object-cover" loading="lazy" />
						<span className="block truncate p-1 text-xs">{item.displayName}</span>
						{item.durationMs ? <span className="absolute top-1 left-1 rounded bg-black/70 px-1 text-xs text-white">{formatSeconds(item.durationMs / 1000)}</span> : null}
						{item.hasHighlight ? <span className="absolute bottom-7 left-1 rounded bg-amber-300 px-1 text-xs">{t('newVideo.suggested')}</span> : null}
						{order >= 0 ? (
							<span className="absolute top-1 right-1 flex h-6 w-6 items-center justify-center rounded-full bg-tea-600 text-xs font-bold text-white">{order + 1}</span>
						) : null}
					</button>
				)
			})}
		</div>
	)
}
