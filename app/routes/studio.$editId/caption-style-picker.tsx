import { useId, type CSSProperties, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaptionStyle } from '~/studio/captions/schema.ts'
import {
	CAPTION_POSITIONS,
	CAPTION_PRESETS,
	CAPTION_SIZES,
	HIGHLIGHT_COLOURS,
	highlightChoiceOf,
	sizeChoiceOf,
	type CaptionSizeChoice,
	type HighlightColourChoice,
} from '~/studio/captions/style-choices.ts'

type Props = {
	style: CaptionStyle
	/** The edit has caption lines: without them there is nothing to style yet. */
	hasLines: boolean
	canEdit: boolean
	onChange: (patch: Partial<CaptionStyle>) => void
}

/**
 * The look of the burned-in captions as a few tappable choices, each drawn
 * the way it will look on the video, so nobody has to imagine what "outline"
 * or "84 px" means.
 */
export function CaptionStylePicker({ style, hasLines, canEdit, onChange }: Props) {
	const { t } = useTranslation('studio-captions')
	const id = useId()
	const titleId = `${id}-title`
	const sample = t('style.sample')
	const size = sizeChoiceOf(style.sizePx)
	const highlight = highlightChoiceOf(style.highlightColor)

	return (
		<section className="space-y-3 border-t border-stone-200 pt-3" aria-labelledby={titleId} data-testid="caption-style">
			<h3 id={titleId} className="text-base font-bold">
				{t('style.preset')}
			</h3>
			{canEdit && !hasLines ? <p className="rounded-lg bg-stone-100 p-3 text-sm text-stone-700">{t('style.writeFirst')}</p> : null}
			<fieldset className="space-y-4" disabled={!canEdit || !hasLines}>
				<fieldset>
					<legend className="sr-only">{t('style.preset')}</legend>
					<div className="space-y-2">
						{CAPTION_PRESETS.map((preset) => (
							<label
								key={preset}
								className="flex min-h-16 cursor-pointer items-center gap-3 rounded-lg border-2 border-stone-200 p-2 has-[:checked]:border-tea-600 has-[:checked]:bg-tea-50 has-[:disabled]:cursor-default has-[:disabled]:opacity-60"
							>
								<input type="radio" name={`${id}-preset`} className="h-5 w-5 shrink-0" checked={style.preset === preset} onChange={() => onChange({ preset })} />
								<PresetSample preset={preset} text={sample} highlightColor={style.highlightColor} />
								<span className="min-w-0">
									<span className="block font-semibold">{t(`style.presets.${preset}`)}</span>
									<span className="block text-sm text-stone-600">{t(`style.presetHints.${preset}`)}</span>
								</span>
							</label>
						))}
					</div>
				</fieldset>

				<ChoiceGroup legend={t('style.position')} hint={t('style.safeAreaNote')}>
					{CAPTION_POSITIONS.map((position) => (
						<Choice key={position} name={`${id}-position`} checked={style.position === position} onChange={() => onChange({ position })}>
							<PositionIcon position={position} />
							{t(`style.positions.${position}`)}
						</Choice>
					))}
				</ChoiceGroup>

				<ChoiceGroup legend={t('style.size')}>
					{(Object.keys(CAPTION_SIZES) as CaptionSizeChoice[]).map((choice) => (
						<Choice key={choice} name={`${id}-size`} checked={size === choice} onChange={() => onChange({ sizePx: CAPTION_SIZES[choice] })}>
							<span aria-hidden className="leading-none font-extrabold" style={{ fontSize: CAPTION_SIZES[choice] / 4 }}>
								Aa
							</span>
							{t(`style.sizes.${choice}`)}
						</Choice>
					))}
				</ChoiceGroup>

				{style.preset === 'highlight' ? (
					<ChoiceGroup legend={t('style.highlightColor')} hint={t('style.highlightNeedsSpeech')} columns="grid-cols-5">
						{(Object.keys(HIGHLIGHT_COLOURS) as HighlightColourChoice[]).map((choice) => (
							<Choice key={choice} name={`${id}-highlight`} checked={highlight === choice} onChange={() => onChange({ highlightColor: HIGHLIGHT_COLOURS[choice] })}>
								<span aria-hidden className="block h-7 w-7 rounded-full border-2 border-stone-800" style={{ backgroundColor: HIGHLIGHT_COLOURS[choice] }} />
								{t(`style.colours.${choice}`)}
							</Choice>
						))}
					</ChoiceGroup>
				) : null}
			</fieldset>
		</section>
	)
}

function ChoiceGroup({ legend, hint, columns = 'grid-cols-3', children }: { legend: string; hint?: string; columns?: string; children: ReactNode }) {
	return (
		<fieldset>
			<legend className="field-label">{legend}</legend>
			<div className={`grid gap-2 ${columns}`}>{children}</div>
			{hint ? <p className="mt-1 text-xs text-stone-500">{hint}</p> : null}
		</fieldset>
	)
}

/** One tappable option of a segmented choice: the radio is invisible and covers the whole tile, so a tap anywhere on it chooses. */
function Choice({ name, checked, onChange, children }: { name: string; checked: boolean; onChange: () => void; children: ReactNode }) {
	return (
		<label className="relative flex min-h-14 cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-stone-200 p-1 text-center text-xs font-medium has-[:checked]:border-tea-600 has-[:checked]:bg-tea-50 has-[:disabled]:cursor-default has-[:disabled]:opacity-60 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-tea-500">
			<input type="radio" name={name} className="absolute inset-0 h-full w-full cursor-pointer appearance-none opacity-0 disabled:cursor-default" checked={checked} onChange={onChange} />
			{children}
		</label>
	)
}

// A black outline drawn with eight shadows: text-stroke would eat into the
// thin strokes of the letters, as libass's outline does not.
const OUTLINE: CSSProperties = {
	textShadow: [-1, 0, 1]
		.flatMap((x) => [-1, 0, 1].map((y) => [x, y]))
		.filter(([x, y]) => x !== 0 || y !== 0)
		.map(([x, y]) => `${x * 2}px ${y * 2}px 0 #000`)
		.join(', '),
}

/** A few words over a dark "video", drawn the way the preset burns them in. */
function PresetSample({ preset, text, highlightColor }: { preset: CaptionStyle['preset']; text: string; highlightColor: string }) {
	const words = text.split(' ')
	return (
		<span aria-hidden className="flex h-12 w-28 shrink-0 items-center justify-center rounded bg-gradient-to-b from-emerald-700 to-stone-700 px-1">
			<span
				className={`text-base leading-tight font-extrabold text-white ${preset === 'boxed' ? 'rounded-sm bg-black/70 px-1.5 py-0.5' : ''}`}
				style={preset === 'boxed' ? undefined : OUTLINE}
			>
				{words.map((word, i) => (
					<span key={i} style={preset === 'highlight' && i === 1 ? { color: highlightColor } : undefined}>
						{i > 0 ? ' ' : ''}
						{word}
					</span>
				))}
			</span>
		</span>
	)
}

/** A phone outline with a bar where the captions go. */
function PositionIcon({ position }: { position: CaptionStyle['position'] }) {
	const place = { top: 'justify-start', middle: 'justify-center', bottom: 'justify-end' }[position]
	return (
		<span aria-hidden className={`flex h-8 w-5 flex-col ${place} rounded-sm border-2 border-stone-600 p-0.5`}>
			<span className="block h-1 w-full rounded-full bg-stone-600" />
		</span>
	)
}
