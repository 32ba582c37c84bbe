import type { Overlay } from '~/studio/spec/edit-spec.ts'
import { orderCallToAction, qrLink } from './copy.ts'
import { fitText } from './shots.ts'
import type { TemplateChoices, TemplateContext, TemplateNote, TemplateProduct } from './types.ts'

// Overlays more than one template places the same way. Corners are chosen
// so nothing collides: the logo top right all along, a price tag top left
// while the shots play, and on the closing card the QR code top left with
// the call to action in the bottom band, where no caption shows.

export const COLOURS = {
	coopGreen: '#2F5D1E',
	promoRed: '#C0392B',
	promoYellow: '#FFD400',
	ink: '#1B1B1B',
	white: '#FFFFFF',
} as const

/** The co-op's logo from start to end, or a note that there is none to show. */
export function logoThroughout(choices: TemplateChoices, notes: TemplateNote[]): Overlay[] {
	if (choices.coop.logoMediaId) return [{ type: 'logo', mediaId: choices.coop.logoMediaId, corner: 'top-right', widthFraction: 0.18, start: 0 }]
	notes.push({ code: 'noLogo' })
	return []
}

/**
 * The product's price tag in the top-left corner while the shots play, with
 * its unit ("/ hộp 200g") and, during an offer, the old price struck through.
 */
export function priceTag(
	name: string,
	product: TemplateProduct,
	prices: { priceVnd: number; compareAtPriceVnd?: number },
	window: { start: number; end: number },
): Overlay {
	const unit = product.unit?.trim()
	return {
		type: 'price',
		productName: name,
		...prices,
		...(unit ? { unit: fitText(unit, 30) } : {}),
		corner: 'top-left',
		textColor: COLOURS.white,
		backgroundColor: COLOURS.promoRed,
		...window,
	}
}

/**
 * From `start` to the end: a QR code to where the product is sold and
 * "Đặt hàng: Zalo …". Whatever is missing is left out with a note.
 */
export function howToOrder(
	choices: TemplateChoices,
	product: TemplateProduct | null | undefined,
	start: number,
	bandColours: { textColor: string; backgroundColor: string },
	context: TemplateContext,
	notes: TemplateNote[],
): Overlay[] {
	const overlays: Overlay[] = []
	const link = qrLink(choices)
	if (link) overlays.push({ type: 'qr', url: link, caption: context.t('studio-templates:video.scanToOrder'), corner: 'top-left', widthFraction: 0.26, start })
	else notes.push({ code: 'noQrLink' })
	const cta = orderCallToAction(choices.coop, product, context)
	if (cta) overlays.push({ type: 'cta', text: fitText(cta, 80), band: 'bottom', ...bandColours, start })
	else notes.push({ code: 'noContact' })
	return overlays
}
