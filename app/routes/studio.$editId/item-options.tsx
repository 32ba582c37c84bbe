import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
	FIT_MODES,
	KEN_BURNS_MOVES,
	SPEC_LIMITS,
	TRANSITION_TYPES,
	type ClipItem,
	type PhotoItem,
	type TitleItem,
	type TimelineItem,
	type FitMode,
	type Transition,
} from '~/studio/spec/edit-spec.ts'
import { FocusFrame } from './focus-frame.tsx'

/** How the picture fills the frame and how the item begins. Shared by clips and photos. */
type ItemLookPatch = { fit?: FitMode; transitionIn?: Transition }

export function FitAndTransition({ item, onChange }: { item: ClipItem | PhotoItem; onChange: (patch: ItemLookPatch) => void }) {
	return (
		<div className="grid gap-3 sm:grid-cols-2">
			<FitChoice value={item.fit} onChange={(fit) => onChange({ fit })} />
			<TransitionChoice item={item} onChange={onChange} />
		</div>
	)
}

function FitChoice({ value, onChange }: { value: ClipItem['fit']; onChange: (fit: ClipItem['fit']) => void }) {
	const { t } = useTranslation('studio-screen')
	return (
		<fieldset>
			<legend className="field-label">{t('fit.label')}</legend>
			{FIT_MODES.map((mode) => (
				<label key={mode} className="flex min-h-11 items-center gap-2">
					<input type="radio" className="h-5 w-5" checked={value === mode} onChange={() => onChange(mode)} />
					<span>
						{t(`fit.${mode}`)}
						<span className="block text-xs text-stone-500">{t(`fit.${mode}Hint`)}</span>
					</span>
				</label>
			))}
		</fieldset>
	)
}

export function TransitionChoice({ item, onChange }: { item: TimelineItem; onChange: (patch: { transitionIn?: Transition }) => void }) {
	const { t } = useTranslation('studio-screen')
	const transition = item.transitionIn ?? { type: 'cut' as const, duration: 0.5 }
	return (
		<div>
			<label className="field-label" htmlFor="transition-type">
				{t('transition.label')}
			</label>
			<select
				id="transition-type"
				className="field-input"
				value={transition.type}
				onChange={(event) => onChange({ transitionIn: { ...transition, type: event.target.value as (typeof TRANSITION_TYPES)[number] } })}
			>
				{TRANSITION_TYPES.map((type) => (
					<option key={type} value={type}>
						{t(`transition.${type}`)}
					</option>
				))}
			</select>
			{transition.type !== 'cut' ? (
				<label className="mt-2 block text-sm">
					{t('transition.duration', { seconds: transition.duration })}
					<input
						type="range"
						className="w-full accent-tea-600"
						min={SPEC_LIMITS.minTransitionSeconds}
						max={1.5}
						step={0.1}
						value={transition.duration}
						onChange={(event) => onChange({ transitionIn: { ...transition, duration: Number(event.target.value) } })}
					/>
				</label>
			) : null}
		</div>
	)
}

type PhotoPanelProps = {
	item: PhotoItem
	frame: { width: number; height: number }
	canEdit: boolean
	onChange: (patch: Partial<PhotoItem>) => void
}

export function PhotoPanel({ item, frame, canEdit, onChange }: PhotoPanelProps) {
	const { t } = useTranslation('studio-screen')
	const [variant, setVariant] = useState<'proxy' | 'original'>('proxy')
	return (
		<div className="space-y-4" data-testid="photo-panel">
			<FocusFrame focus={item.focus} fit={item.fit} frame={frame} canEdit={canEdit} onFocus={(focus) => onChange({ focus })}>
				{(onSize) => (
					<img
						src={`/library/${item.mediaId}/${variant}`}
						onError={() => setVariant('original')}
						alt={item.label ?? ''}
						className="block max-h-[55vh] max-w-full"
						onLoad={(event) => onSize({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })}
					/>
				)}
			</FocusFrame>
			{canEdit ? (
				<>
					<label className="block">
						<span className="field-label">{t('photo.duration', { seconds: item.duration })}</span>
						<input
							type="range"
							className="w-full accent-tea-600"
							min={1}
							max={10}
							step={0.5}
							value={item.duration}
							onChange={(event) => onChange({ duration: Number(event.target.value) })}
						/>
					</label>
					<div>
						<label className="field-label" htmlFor="ken-burns">
							{t('photo.kenBurns')}
						</label>
						<select
							id="ken-burns"
							className="field-input"
							value={item.kenBurns}
							onChange={(event) => onChange({ kenBurns: event.target.value as PhotoItem['kenBurns'] })}
						>
							{KEN_BURNS_MOVES.map((move) => (
								<option key={move} value={move}>
									{t(`photo.moves.${move}`)}
								</option>
							))}
						</select>
					</div>
					<FitAndTransition item={item} onChange={onChange} />
				</>
			) : null}
		</div>
	)
}

export function TitlePanel({ item, canEdit, onChange }: { item: TitleItem; canEdit: boolean; onChange: (patch: Partial<TitleItem>) => void }) {
	const { t } = useTranslation('studio-screen')
	return (
		<div className="space-y-4" data-testid="title-panel">
			<div
				className="mx-auto flex aspect-[9/16] max-h-[40vh] flex-col items-center justify-center rounded-lg p-4 text-center text-xl font-bold"
				style={{ backgroundColor: item.backgroundColor, color: item.textColor }}
			>
				{item.lines.map((line, i) => (
					<p key={i}>{line}</p>
				))}
			</div>
			{canEdit ? (
				<>
					<label className="block">
						<span className="field-label">{t('title.lines')}</span>
						<textarea
							className="field-input"
							rows={3}
							defaultValue={item.lines.join('\n')}
							onBlur={(event) => {
								const lines = event.target.value.split('\n').map((line) => line.trim()).filter(Boolean).slice(0, 4)
								if (lines.length > 0) onChange({ lines })
							}}
						/>
						<span className="mt-1 block text-sm text-stone-500">{t('title.linesHint')}</span>
					</label>
					<div className="grid grid-cols-2 gap-3">
						<label className="block">
							<span className="field-label">{t('title.textColor')}</span>
							<input type="color" className="h-11 w-full" value={item.textColor} onChange={(event) => onChange({ textColor: event.target.value })} />
						</label>
						<label className="block">
							<span className="field-label">{t('title.backgroundColor')}</span>
							<input
								type="color"
								className="h-11 w-full"
								value={item.backgroundColor}
								onChange={(event) => onChange({ backgroundColor: event.target.value })}
							/>
						</label>
					</div>
					<label className="block">
						<span className="field-label">{t('title.duration', { seconds: item.duration })}</span>
						<input
							type="range"
							className="w-full accent-tea-600"
							min={1}
							max={SPEC_LIMITS.maxTitleSeconds}
							step={0.5}
							value={item.duration}
							onChange={(event) => onChange({ duration: Number(event.target.value) })}
						/>
					</label>
					<TransitionChoice item={item} onChange={onChange} />
				</>
			) : null}
		</div>
	)
}
