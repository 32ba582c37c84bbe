import type { Corner } from '~/studio/spec/edit-spec.ts'
import type { Rect, Size } from './crop-window.ts'

// Where the overlays go on one output frame. Pure, so the rules (nothing
// outside the frame or the platform's own interface, nothing overlapping) are
// tested without drawing anything.

/** Every size is a share of the frame width, so the three formats look alike. */
export function overlayMetrics(frame: Size) {
	const w = frame.width
	return {
		padding: Math.round(w * 0.04),
		logoWidth: Math.round(w * 0.12),
		headlineSizePx: Math.round(w * 0.056),
		productNameSizePx: Math.round(w * 0.036),
		priceSizePx: Math.round(w * 0.06),
		badgePadding: Math.round(w * 0.026),
		badgeRadius: Math.round(w * 0.022),
		badgeMaxWidth: Math.round(w * 0.76),
		counterSizePx: Math.round(w * 0.03),
	}
}

/** Stories show the account name on top and a reply bar at the bottom; nothing of ours goes under them. */
export function safeInsets(frame: Size): { top: number; bottom: number } {
	if (frame.height / frame.width < 1.5) return { top: 0, bottom: 0 }
	return { top: Math.round(frame.height * 0.13), bottom: Math.round(frame.height * 0.18) }
}

export type OverlaySizes = {
	logo?: Size & { corner: Corner }
	badge?: Size
	headline?: Size
	counter?: Size
}

export type Layout = {
	logo?: Rect
	badge?: Rect
	headline?: Rect
	counter?: Rect
	/** A darkening band behind the headline so white text reads on any photo. */
	scrim?: Rect
}

/**
 * The logo sits in its corner; the price badge and the headline stack up
 * from the bottom-left (above the logo when the logo takes a bottom corner);
 * the carousel counter takes the top corner the logo leaves free.
 */
export function planLayout(frame: Size, sizes: OverlaySizes): Layout {
	const { padding } = overlayMetrics(frame)
	const safe = safeInsets(frame)
	const top = safe.top + padding
	const bottom = frame.height - safe.bottom - padding
	const layout: Layout = {}

	let stackBottom = bottom
	if (sizes.logo) {
		const { width, height, corner } = sizes.logo
		const left = corner.endsWith('left') ? padding : frame.width - padding - width
		const onTop = corner.startsWith('top')
		layout.logo = { left, top: onTop ? top : bottom - height, width, height }
		if (!onTop) stackBottom = bottom - height - padding
	}
	if (sizes.headline) {
		const { width, height } = sizes.headline
		layout.headline = { left: padding, top: stackBottom - height, width, height }
		stackBottom = layout.headline.top - Math.round(padding / 2)
		const scrimTop = Math.max(0, layout.headline.top - padding * 3)
		layout.scrim = { left: 0, top: scrimTop, width: frame.width, height: frame.height - scrimTop }
	}
	if (sizes.badge) {
		const { width, height } = sizes.badge
		layout.badge = { left: padding, top: stackBottom - height, width, height }
	}
	if (sizes.counter) {
		const { width, height } = sizes.counter
		const logoTopRight = sizes.logo?.corner === 'top-right'
		layout.counter = { left: logoTopRight ? padding : frame.width - padding - width, top, width, height }
	}
	return layout
}
