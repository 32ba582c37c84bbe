import { useTranslation } from 'react-i18next'
import type { MusicBed } from '~/studio/spec/edit-spec.ts'

type AudioChoice = { id: string; displayName: string }

type Props = {
	music: MusicBed | undefined
	keepClipSound: boolean
	choices: AudioChoice[]
	canEdit: boolean
	onMusic: (music: MusicBed | undefined) => void
	onKeepClipSound: (keep: boolean) => void
}

/** A music bed from the co-op's audio files, its level, and whether it steps back while people speak. */
export function MusicPanel({ music, keepClipSound, choices, canEdit, onMusic, onKeepClipSound }: Props) {
	const { t } = useTranslation('studio-screen')
	return (
		<div className="space-y-3" data-testid="music-panel">
			<div>
				<label className="field-label" htmlFor="music-choice">
					{t('music.choose')}
				</label>
				<select
					id="music-choice"
					className="field-input"
					disabled={!canEdit}
					value={music?.mediaId ?? ''}
					onChange={(event) => {
						const choice = choices.find((c) => c.id === event.target.value)
						onMusic(
							choice
								? { mediaId: choice.id, label: choice.displayName, volume: music?.volume ?? 0.3, duckUnderSpeech: music?.duckUnderSpeech ?? true, offset: 0 }
								: undefined,
						)
					}}
				>
					<option value="">{t('music.none')}</option>
					{choices.map((choice) => (
						<option key={choice.id} value={choice.id}>
							{choice.displayName}
						</option>
					))}
				</select>
				{choices.length === 0 ? <p className="mt-1 text-sm text-stone-500">{t('music.noAudioFiles')}</p> : null}
			</div>
			{music ? (
				<>
					<audio src={`/library/${music.mediaId}/original`} controls preload="none" className="w-full" />
					<label className="block">
						<span className="field-label">{t('music.volume', { percent: Math.round(music.volume * 100) })}</span>
						<input
							type="range"
							className="w-full accent-tea-600"
							min={0}
							max={1}
							step={0.05}
							value={music.volume}
							disabled={!canEdit}
							onChange={(event) => onMusic({ ...music, volume: Number(event.target.value) })}
						/>
					</label>
					<label className="flex min-h-11 items-center gap-2">
						<input
							type="checkbox"
							className="h-5 w-5"
							checked={music.duckUnderSpeech}
							disabled={!canEdit}
							onChange={(event) => onMusic({ ...music, duckUnderSpeech: event.target.checked })}
						/>
						{t('music.duck')}
					</label>
				</>
			) : null}
			<label className="flex min-h-11 items-center gap-2">
				<input type="checkbox" className="h-5 w-5" checked={keepClipSound} disabled={!canEdit} onChange={(event) => onKeepClipSound(event.target.checked)} />
				{t('music.keepClipSound')}
			</label>
		</div>
	)
}
