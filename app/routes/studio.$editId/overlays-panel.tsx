import { useTranslation } from 'react-i18next'
import type { Overlay } from '~/studio/spec/edit-spec.ts'

type Props = {
	overlays: Overlay[]
	canEdit: boolean
	onChange: (index: number, patch: Partial<Overlay>) => void
	onRemove: (index: number) => void
	onAddCallToAction: () => void
}

/** What sits on top of the video (logo, price, QR code, call to action, words): the words can be changed here, the place comes from the template. */
export function OverlaysPanel({ overlays, canEdit, onChange, onRemove, onAddCallToAction }: Props) {
	const { t } = useTranslation('studio-screen')
	return (
		<div className="space-y-2" data-testid="overlays-panel">
			{overlays.length === 0 ? <p className="text-sm text-stone-500">{t('overlays.none')}</p> : null}
			{overlays.map((overlay, index) => (
				<div key={index} className="rounded-lg border border-stone-200 p-2">
					<div className="flex items-center justify-between gap-2">
						<span className="font-medium">{t(`overlays.kinds.${overlay.type}`)}</span>
						{canEdit ? (
							<button type="button" className="h-11 w-11 rounded text-lg text-red-700 hover:bg-red-50" onClick={() => onRemove(index)} aria-label={t('overlays.remove', { n: index + 1 })}>
								×
							</button>
						) : null}
					</div>
					<OverlayFields overlay={overlay} disabled={!canEdit} onChange={(patch) => onChange(index, patch)} />
				</div>
			))}
			{canEdit ? (
				<button type="button" className="btn-secondary" onClick={onAddCallToAction}>
					{t('overlays.addCta')}
				</button>
			) : null}
		</div>
	)
}

function OverlayFields({ overlay, disabled, onChange }: { overlay: Overlay; disabled: boolean; onChange: (patch: Partial<Overlay>) => void }) {
	const { t } = useTranslation('studio-screen')
	switch (overlay.type) {
		case 'cta':
		case 'text':
			return (
				<input
					className="field-input mt-1"
					value={overlay.text}
					disabled={disabled}
					aria-label={t(overlay.type === 'cta' ? 'overlays.ctaText' : 'overlays.text')}
					onChange={(event) => onChange({ text: event.target.value })}
				/>
			)
		case 'price':
			return (
				<div className="mt-1 grid gap-2 sm:grid-cols-2">
					<input className="field-input sm:col-span-2" value={overlay.productName} disabled={disabled} aria-label={t('overlays.productName')} onChange={(event) => onChange({ productName: event.target.value })} />
					<DongInput value={overlay.priceVnd} disabled={disabled} label={t('overlays.price')} onChange={(value) => onChange({ priceVnd: value ?? 0 })} />
					<DongInput value={overlay.compareAtPriceVnd} disabled={disabled} label={t('overlays.compareAtPrice')} onChange={(value) => onChange({ compareAtPriceVnd: value })} />
				</div>
			)
		case 'qr':
			return (
				<input className="field-input mt-1" type="url" value={overlay.url} disabled={disabled} aria-label={t('overlays.qrUrl')} onChange={(event) => onChange({ url: event.target.value })} />
			)
		case 'logo':
			return <p className="text-sm text-stone-500">{t('overlays.logoHint')}</p>
	}
}

/** A whole-đồng amount; an emptied field means "none". */
function DongInput({ value, disabled, label, onChange }: { value: number | undefined; disabled: boolean; label: string; onChange: (value: number | undefined) => void }) {
	return (
		<input
			className="field-input"
			type="number"
			inputMode="numeric"
			min={0}
			step={1000}
			value={value ?? ''}
			disabled={disabled}
			aria-label={label}
			placeholder={label}
			onChange={(event) => onChange(event.target.value === '' ? undefined : Math.max(0, Math.round(Number(event.target.value) || 0)))}
		/>
	)
}
