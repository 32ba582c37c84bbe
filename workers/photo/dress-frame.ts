import type { OverlayOptions } from 'sharp'
import { priceLabel } from '~/studio/photo-posts/price-label.ts'
import type { PhotoPostSpec } from '~/studio/photo-posts/spec.ts'
import type { Size } from './crop-window.ts'
import { planLayout } from './layout.ts'
import { drawCounter, drawHeadline, drawLogo, drawPriceBadge, drawScrim } from './overlays.ts'
import type { RenderedImage } from './text.ts'

/** Everything drawn on top of the photos for one format, shared by the whole carousel. */
export type FrameDressing = {
	frame: Size
	/** The same on every photo: scrim, price badge, headline, logo (in drawing order). */
	fixed: OverlayOptions[]
	/** The "n/N" counter of each photo, by index; empty without counters. */
	counters: OverlayOptions[][]
}

/** Draws the overlays for one frame size once and places them (layout.ts). */
export async function dressFrame(spec: PhotoPostSpec, frame: Size, logo: Buffer | null): Promise<FrameDressing> {
	const [logoImage, badge, headline] = await Promise.all([
		logo ? drawLogo(frame, logo) : undefined,
		spec.priceBadge
			? drawPriceBadge(frame, { productName: spec.priceBadge.productName, priceLabel: priceLabel(spec.priceBadge.priceVnd, spec.priceBadge.unit) })
			: undefined,
		spec.headline ? drawHeadline(frame, spec.headline) : undefined,
	])
	const total = spec.photos.length
	const counters = spec.counter && total > 1 ? await Promise.all(spec.photos.map((_, i) => drawCounter(frame, i + 1, total))) : []
	// Counters differ in width ("1/5", "10/10") but share a height; the widest decides the corner's room.
	const widestCounter = counters.reduce<RenderedImage | undefined>((widest, c) => (!widest || c.width > widest.width ? c : widest), undefined)
	const layout = planLayout(frame, {
		logo: logoImage && { width: logoImage.width, height: logoImage.height, corner: spec.logo.corner },
		badge,
		headline,
		counter: widestCounter,
	})

	const fixed: OverlayOptions[] = []
	if (layout.scrim) fixed.push({ input: await drawScrim(layout.scrim), left: layout.scrim.left, top: layout.scrim.top })
	if (badge && layout.badge) fixed.push({ input: badge.png, left: layout.badge.left, top: layout.badge.top })
	if (headline && layout.headline) fixed.push({ input: headline.png, left: layout.headline.left, top: layout.headline.top })
	if (logoImage && layout.logo) fixed.push({ input: logoImage.png, left: layout.logo.left, top: layout.logo.top })

	const counterPlacement = layout.counter
	const counterOverlays = counterPlacement
		? counters.map((counter) => {
				// Right-aligned in a right corner, so "9/10" and "10/10" end at the same edge.
				const onRight = counterPlacement.left > frame.width / 2
				const left = onRight ? counterPlacement.left + counterPlacement.width - counter.width : counterPlacement.left
				return [{ input: counter.png, left, top: counterPlacement.top }]
			})
		: []
	return { frame, fixed, counters: counterOverlays }
}
