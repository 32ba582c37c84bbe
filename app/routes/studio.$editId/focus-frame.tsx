import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { coverCropBox, focusFromTap } from '~/studio/edits/crop-preview.ts'
import type { FitMode, FocusPoint } from '~/studio/spec/edit-spec.ts'

type Props = {
	focus: FocusPoint
	fit: FitMode
	/** The first output format's frame, to draw what the crop keeps. */
	frame: { width: number; height: number }
	canEdit: boolean
	onFocus: (focus: FocusPoint) => void
	/** The picture (a <video> or an <img>, class "block max-h-[55vh] max-w-full"); it reports its natural size. */
	children: (onSize: (size: { width: number; height: number }) => void) => React.ReactNode
}

/**
 * The picture with the part the output keeps drawn over it. A tap moves the
 * focus point, so "what stays in the frame" is chosen by pointing at it.
 */
export function FocusFrame({ focus, fit, frame, canEdit, onFocus, children }: Props) {
	const { t } = useTranslation('studio-screen')
	const [size, setSize] = useState<{ width: number; height: number } | null>(null)
	const box = size && fit === 'cover' ? coverCropBox(size, frame, focus) : null
	const handleTap = (event: React.MouseEvent<HTMLDivElement>) => {
		if (!canEdit) return
		onFocus(focusFromTap(event.currentTarget.getBoundingClientRect(), event.clientX, event.clientY))
	}
	return (
		<div>
			<div
				className={`relative mx-auto w-fit max-w-full overflow-hidden rounded-lg bg-black ${canEdit ? 'cursor-crosshair' : ''}`}
				onClick={handleTap}
				data-testid="focus-frame"
			>
				{children(setSize)}
				{box ? (
					<div
						className="pointer-events-none absolute border-2 border-white shadow-[0_0_0_9999px_rgba(0,0,0,0.45)]"
						style={{ left: pct(box.left), top: pct(box.top), width: pct(box.width), height: pct(box.height) }}
						aria-hidden
					/>
				) : null}
				<div
					className="pointer-events-none absolute h-5 w-5 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-tea-500/80"
					style={{ left: pct(focus.x), top: pct(focus.y) }}
					aria-hidden
				/>
			</div>
			{canEdit ? <p className="mt-1 text-sm text-stone-500">{t('focus.hint')}</p> : null}
		</div>
	)
}

function pct(fraction: number) {
	return `${fraction * 100}%`
}
