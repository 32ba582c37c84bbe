import { useTranslation } from 'react-i18next'
import { OUTPUT_FORMAT_IDS, OUTPUT_FORMATS, type OutputFormatId } from '~/studio/spec/formats.ts'

/** The formats to render, each drawn as its frame shape so the choice needs no numbers. */
export function FormatsPanel({ formats, canEdit, onToggle }: { formats: OutputFormatId[]; canEdit: boolean; onToggle: (format: OutputFormatId, on: boolean) => void }) {
	const { t } = useTranslation('studio-screen')
	return (
		<fieldset className="grid grid-cols-2 gap-2 sm:grid-cols-3" data-testid="formats-panel">
			<legend className="sr-only">{t('sections.formats')}</legend>
			{OUTPUT_FORMAT_IDS.map((id) => {
				const frame = OUTPUT_FORMATS[id]
				const checked = formats.includes(id)
				return (
					<label key={id} className={`flex cursor-pointer items-center gap-3 rounded-lg border p-2 ${checked ? 'border-tea-500 bg-tea-50' : 'border-stone-200'}`}>
						<input
							type="checkbox"
							className="h-5 w-5"
							checked={checked}
							disabled={!canEdit || (checked && formats.length === 1)}
							onChange={(event) => onToggle(id, event.target.checked)}
						/>
						<span className="flex h-10 w-10 shrink-0 items-center justify-center" aria-hidden>
							<span className="block border-2 border-stone-500" style={{ width: (frame.width / Math.max(frame.width, frame.height)) * 32, height: (frame.height / Math.max(frame.width, frame.height)) * 32 }} />
						</span>
						<span className="text-sm">
							<span className="block font-medium">{t(`formats.${id}`)}</span>
							<span className="text-stone-500">
								{frame.width}×{frame.height}
							</span>
						</span>
					</label>
				)
			})}
		</fieldset>
	)
}
