import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { spreadLinesEvenly } from '~/studio/captions/line-timing.ts'
import type { CaptionLine, CaptionStyle } from '~/studio/captions/schema.ts'
import { formatSrt, parseSrt, SrtParseError } from '~/studio/captions/srt.ts'
import { splitTypedText } from '~/studio/captions/text-lines.ts'
import { defaultCaptionStyle } from '~/studio/edits/editor-state.ts'
import { CaptionStylePicker } from './caption-style-picker.tsx'

type Props = {
	lines: CaptionLine[]
	/** The caption track's look; none until the edit has caption lines. */
	style: CaptionStyle | undefined
	/** Length of the video, seconds. */
	totalSeconds: number
	canEdit: boolean
	transcriptionAvailable: boolean
	/** A caption timing is being asked for or runs in the background ("time to speech", transcription). */
	busy: boolean
	/** It waits in the queue for a worker. */
	waiting: boolean
	/** A translated message from the last server request, if it failed. */
	serverError: string | null
	onChange: (lines: CaptionLine[]) => void
	onStyleChange: (patch: Partial<CaptionStyle>) => void
	onTimeToSpeech: (texts: string[]) => void
	onTranscribe: () => void
}

const round1 = (value: number) => Math.round(value * 10) / 10

/**
 * Captions as lines with times. Someone new to editing types what is said
 * (one sentence a line) and lets the studio time it: to the speech found in
 * the clips, evenly across the video, or by transcription when a key is set.
 * SRT files from other tools come in and go out unchanged.
 */
export function CaptionsPanel(props: Props) {
	const { lines, totalSeconds, canEdit, busy, onChange } = props
	const { t } = useTranslation('studio-screen')
	const [typed, setTyped] = useState('')
	const [importError, setImportError] = useState<string | null>(null)
	const texts = lines.length > 0 ? lines.map((line) => line.text) : splitTypedText(typed)

	const splitEvenly = () => {
		if (texts.length === 0) return
		onChange(spreadLinesEvenly(texts, 0, totalSeconds).map((line) => ({ ...line, start: round1(line.start), end: round1(line.end) })))
	}
	const importSrt = async (file: File | undefined) => {
		if (!file) return
		try {
			onChange(parseSrt(await file.text()))
			setImportError(null)
		} catch (error) {
			if (!(error instanceof SrtParseError)) throw error
			setImportError(t(`studio-captions:srt.errors.${error.problem}`, { cue: error.cue }))
		}
	}
	const exportSrt = () => {
		const blob = new Blob([formatSrt(lines)], { type: 'application/x-subrip;charset=utf-8' })
		const url = URL.createObjectURL(blob)
		const link = document.createElement('a')
		link.href = url
		link.download = 'phu-de.srt'
		link.click()
		URL.revokeObjectURL(url)
	}
	const updateLine = (index: number, patch: Partial<CaptionLine>) => {
		// The words were timed for the old text or times; they no longer fit.
		onChange(lines.map((line, i) => (i === index ? { ...line, ...patch, words: undefined } : line)))
	}
	const addLine = () => {
		const start = round1(Math.min(lines.at(-1)?.end ?? 0, Math.max(0, totalSeconds - 1)))
		onChange([...lines, { start, end: round1(Math.min(totalSeconds, start + 2)), text: t('captions.newLine') }])
	}

	return (
		<div className="space-y-3" data-testid="captions-panel">
			{canEdit && lines.length === 0 ? (
				<label className="block">
					<span className="field-label">{t('captions.typeLabel')}</span>
					<textarea className="field-input" rows={4} value={typed} onChange={(event) => setTyped(event.target.value)} placeholder={t('captions.typePlaceholder')} />
				</label>
			) : null}

			{lines.length > 0 ? (
				<ol className="space-y-2">
					{lines.map((line, index) => (
						<li key={index} className="rounded-lg border border-stone-200 p-2" data-testid="caption-line">
							<div className="mb-2 flex items-center gap-2">
								<TimeInput label={t('captions.start')} value={line.start} disabled={!canEdit} onChange={(start) => updateLine(index, { start })} />
								<span aria-hidden>→</span>
								<TimeInput label={t('captions.end')} value={line.end} disabled={!canEdit} onChange={(end) => updateLine(index, { end })} />
								{canEdit ? (
									<button
										type="button"
										className="ml-auto h-11 w-11 rounded text-lg text-red-700 hover:bg-red-50"
										onClick={() => onChange(lines.filter((_, i) => i !== index))}
										aria-label={t('captions.remove', { n: index + 1 })}
									>
										×
									</button>
								) : null}
							</div>
							<input
								className="field-input"
								value={line.text}
								disabled={!canEdit}
								aria-label={t('captions.text', { n: index + 1 })}
								onChange={(event) => updateLine(index, { text: event.target.value })}
							/>
						</li>
					))}
				</ol>
			) : null}

			{canEdit ? (
				<div className="flex flex-wrap gap-2">
					{lines.length > 0 ? (
						<button type="button" className="btn-secondary" onClick={addLine}>
							{t('captions.add')}
						</button>
					) : null}
					<button type="button" className="btn-secondary" disabled={texts.length === 0 || busy} onClick={() => props.onTimeToSpeech(texts)}>
						{t('captions.timeToSpeech')}
					</button>
					<button type="button" className="btn-secondary" disabled={texts.length === 0} onClick={splitEvenly}>
						{t('captions.splitEvenly')}
					</button>
					{props.transcriptionAvailable ? (
						<button type="button" className="btn-secondary" disabled={busy} onClick={props.onTranscribe}>
							{t('captions.transcribe')}
						</button>
					) : null}
					<label className="btn-secondary cursor-pointer">
						{t('captions.importSrt')}
						<input type="file" accept=".srt,text/plain" className="sr-only" onChange={(event) => void importSrt(event.target.files?.[0])} />
					</label>
					{lines.length > 0 ? (
						<button type="button" className="btn-secondary" onClick={exportSrt}>
							{t('captions.exportSrt')}
						</button>
					) : null}
				</div>
			) : null}
			{!props.transcriptionAvailable && canEdit ? <p className="text-sm text-stone-500">{t('captions.noTranscription')}</p> : null}
			{busy ? (
				<p className="text-sm text-stone-600" role="status" data-testid="caption-timing-state">
					{props.waiting ? t('captions.queued') : t('captions.working')}
				</p>
			) : null}
			{importError ?? props.serverError ? (
				<p className="rounded-lg bg-red-50 p-3 text-sm text-red-800" role="alert">
					{importError ?? props.serverError}
				</p>
			) : null}
			{canEdit || lines.length > 0 ? (
				<CaptionStylePicker style={props.style ?? defaultCaptionStyle()} hasLines={lines.length > 0} canEdit={canEdit} onChange={props.onStyleChange} />
			) : null}
		</div>
	)
}

function TimeInput({ label, value, disabled, onChange }: { label: string; value: number; disabled: boolean; onChange: (value: number) => void }) {
	return (
		<label className="flex items-center gap-1 text-sm">
			<span className="sr-only">{label}</span>
			<input
				type="number"
				inputMode="decimal"
				className="field-input w-24"
				min={0}
				step={0.1}
				value={value}
				disabled={disabled}
				aria-label={label}
				onChange={(event) => {
					const next = Number(event.target.value)
					if (Number.isFinite(next) && next >= 0) onChange(next)
				}}
			/>
			<span className="text-stone-500">s</span>
		</label>
	)
}
