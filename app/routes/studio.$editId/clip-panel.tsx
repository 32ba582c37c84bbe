import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClipHints, TimeRange } from '~/studio/edits/clip-hints.ts'
import { formatSeconds } from '~/studio/edits/time-format.ts'
import type { ClipItem } from '~/studio/spec/edit-spec.ts'
import { FocusFrame } from './focus-frame.tsx'
import { FitAndTransition } from './item-options.tsx'

type Props = {
	item: ClipItem
	sourceSeconds: number
	hints: ClipHints
	frame: { width: number; height: number }
	canEdit: boolean
	onChange: (patch: Partial<ClipItem>) => void
	onTrim: (range: { in: number; out: number }) => void
}

/**
 * One clip: the preview proxy with its own controls (a tap on the picture
 * sets the focus point, so the native controls would be in the way), a
 * scrubber with the kept part, the suggestion and the stretches to avoid,
 * and in/out points set by sliders or at the playhead.
 */
export function ClipPanel({ item, sourceSeconds, hints, frame, canEdit, onChange, onTrim }: Props) {
	const { t } = useTranslation('studio-screen')
	const video = useRef<HTMLVideoElement>(null)
	const [playhead, setPlayhead] = useState(item.in)
	const [playing, setPlaying] = useState(false)
	// The small proxy loads fast on mobile data; a file still without one plays from the original.
	const [variant, setVariant] = useState<'proxy' | 'original'>('proxy')
	// Playing "the kept part" stops at the out point.
	const stopAt = useRef<number | null>(null)
	const duration = sourceSeconds > 0 ? sourceSeconds : item.out

	useEffect(() => {
		const element = video.current
		if (element && Math.abs(element.currentTime - item.in) > 0.05) element.currentTime = item.in
		setPlayhead(item.in)
		// Only when another clip is shown: scrubbing must not jump back to the in point.
	}, [item.mediaId])

	const seek = (seconds: number) => {
		const clamped = Math.min(duration, Math.max(0, seconds))
		if (video.current) video.current.currentTime = clamped
		setPlayhead(clamped)
	}
	const togglePlay = () => {
		const element = video.current
		if (!element) return
		stopAt.current = null
		if (element.paused) void element.play()
		else element.pause()
	}
	const playKeptPart = () => {
		const element = video.current
		if (!element) return
		element.currentTime = item.in
		stopAt.current = item.out
		void element.play()
	}
	const handleTimeUpdate = () => {
		const element = video.current
		if (!element) return
		setPlayhead(element.currentTime)
		if (stopAt.current !== null && element.currentTime >= stopAt.current) {
			element.pause()
			stopAt.current = null
		}
	}
	const best = hints.highlights[0]

	return (
		<div className="space-y-4" data-testid="clip-panel">
			<FocusFrame focus={item.focus} fit={item.fit} frame={frame} canEdit={canEdit} onFocus={(focus) => onChange({ focus })}>
				{(onSize) => (
					<video
						ref={video}
						src={`/library/${item.mediaId}/${variant}`}
						poster={`/library/${item.mediaId}/poster`}
						onError={() => setVariant('original')}
						className="block max-h-[55vh] max-w-full"
						playsInline
						preload="metadata"
						onLoadedMetadata={(event) => {
							const element = event.currentTarget
							onSize({ width: element.videoWidth, height: element.videoHeight })
							element.currentTime = item.in
						}}
						onTimeUpdate={handleTimeUpdate}
						onPlay={() => setPlaying(true)}
						onPause={() => setPlaying(false)}
					/>
				)}
			</FocusFrame>

			<div className="flex flex-wrap items-center gap-2">
				<button type="button" className="btn-secondary" onClick={togglePlay}>
					{playing ? t('clip.pause') : t('clip.play')}
				</button>
				<button type="button" className="btn-secondary" onClick={playKeptPart}>
					{t('clip.playKept')}
				</button>
				<span className="text-sm text-stone-600 tabular-nums" data-testid="playhead">
					{formatSeconds(playhead)} / {formatSeconds(duration)}
				</span>
			</div>

			<TrimTrack duration={duration} kept={{ start: item.in, end: item.out }} playhead={playhead} hints={hints} />
			<label className="block">
				<span className="field-label">{t('clip.position')}</span>
				<input
					type="range"
					className="w-full accent-stone-700"
					min={0}
					max={duration}
					step={0.1}
					value={playhead}
					onChange={(event) => seek(Number(event.target.value))}
				/>
			</label>

			{canEdit ? (
				<div className="grid gap-3 sm:grid-cols-2">
					<TrimSlider
						label={t('clip.in')}
						value={item.in}
						duration={duration}
						onChange={(value) => {
							onTrim({ in: value, out: item.out })
							seek(value)
						}}
						setAtPlayhead={() => onTrim({ in: playhead, out: item.out })}
						setLabel={t('clip.setInHere')}
						testId="trim-in"
					/>
					<TrimSlider
						label={t('clip.out')}
						value={item.out}
						duration={duration}
						onChange={(value) => {
							onTrim({ in: item.in, out: value })
							seek(value)
						}}
						setAtPlayhead={() => onTrim({ in: item.in, out: playhead })}
						setLabel={t('clip.setOutHere')}
						testId="trim-out"
					/>
				</div>
			) : null}
			<p className="text-sm text-stone-600">
				{t('clip.kept', { from: formatSeconds(item.in), to: formatSeconds(item.out), length: formatSeconds(item.out - item.in) })}
			</p>

			{best ? (
				<div className="rounded-lg bg-amber-50 p-3 text-sm" data-testid="highlight-suggestion">
					<p className="mb-2">{t('clip.suggestion', { from: formatSeconds(best.start), to: formatSeconds(best.end) })}</p>
					{canEdit ? (
						<button type="button" className="btn-secondary" onClick={() => onTrim({ in: best.start, out: best.end })}>
							{t('clip.useSuggestion')}
						</button>
					) : null}
				</div>
			) : null}
			{hints.flags.length > 0 ? (
				<ul className="space-y-1 text-sm text-red-800">
					{hints.flags.map((flag) => (
						<li key={`${flag.kind}-${flag.start}`}>
							{t(`clip.flags.${flag.kind}`, { from: formatSeconds(flag.start), to: formatSeconds(flag.end) })}
						</li>
					))}
				</ul>
			) : null}

			{canEdit ? (
				<>
					<label className="flex min-h-11 items-center gap-2">
						<input type="checkbox" className="h-5 w-5" checked={item.keepSound} onChange={(event) => onChange({ keepSound: event.target.checked })} />
						{t('clip.keepSound')}
					</label>
					<FitAndTransition item={item} onChange={onChange} />
				</>
			) : null}
		</div>
	)
}

function TrimSlider(props: {
	label: string
	value: number
	duration: number
	onChange: (value: number) => void
	setAtPlayhead: () => void
	setLabel: string
	testId: string
}) {
	return (
		<div className="rounded-lg border border-stone-200 p-3">
			<label className="block">
				<span className="field-label">
					{props.label}: <span className="tabular-nums">{formatSeconds(props.value)}</span>
				</span>
				<input
					type="range"
					className="w-full accent-tea-600"
					min={0}
					max={props.duration}
					step={0.1}
					value={props.value}
					onChange={(event) => props.onChange(Number(event.target.value))}
					data-testid={props.testId}
				/>
			</label>
			<button type="button" className="btn-secondary mt-2 w-full" onClick={props.setAtPlayhead}>
				{props.setLabel}
			</button>
		</div>
	)
}

/** The clip as a bar: the kept part, the suggestion, the stretches to avoid and the playhead. */
function TrimTrack({ duration, kept, playhead, hints }: { duration: number; kept: TimeRange; playhead: number; hints: ClipHints }) {
	const { t } = useTranslation('studio-screen')
	const at = (seconds: number) => `${(Math.min(duration, Math.max(0, seconds)) / duration) * 100}%`
	const span = (range: TimeRange) => ({ left: at(range.start), width: `${((range.end - range.start) / duration) * 100}%` })
	return (
		<div>
			<div className="relative h-8 overflow-hidden rounded bg-stone-200" aria-hidden>
				{hints.flags.map((flag) => (
					<div key={`${flag.kind}-${flag.start}`} className="absolute inset-y-0 bg-red-300/70" style={span(flag)} />
				))}
				{hints.highlights.slice(0, 3).map((range) => (
					<div key={range.start} className="absolute inset-y-0 bg-amber-300/80" style={span(range)} />
				))}
				<div className="absolute inset-y-1 rounded border-2 border-tea-700 bg-tea-500/40" style={span(kept)} />
				<div className="absolute inset-y-0 w-0.5 bg-stone-900" style={{ left: at(playhead) }} />
			</div>
			<p className="mt-1 flex flex-wrap gap-3 text-xs text-stone-600">
				<span><span className="mr-1 inline-block h-2 w-3 bg-tea-500/60" />{t('clip.legend.kept')}</span>
				<span><span className="mr-1 inline-block h-2 w-3 bg-amber-300" />{t('clip.legend.suggested')}</span>
				<span><span className="mr-1 inline-block h-2 w-3 bg-red-300" />{t('clip.legend.avoid')}</span>
			</p>
		</div>
	)
}
