import QRCode from 'qrcode'
import sharp from 'sharp'
import type { CtaOverlay, PriceOverlay, QrOverlay, TextOverlay, TextSize, TitleItem } from '~/studio/spec/edit-spec.ts'
import { priceLabel } from '~/studio/photo-posts/price-label.ts'
import { renderText, type RenderedImage } from '#workers/photo/text.ts'
import type { Size } from '../geometry.ts'
import { blendColour, renderShadowedText, renderStruckText } from './text-effects.ts'

// Cards drawn by sharp in Be Vietnam Pro at their final pixel size, so
// ffmpeg only places them. Sizes are fractions of the frame's short side:
// the same card reads the same on 9:16, 4:5, 1:1, 16:9 and a small preview.

function unit(frame: Size): number {
	return Math.min(frame.width, frame.height)
}

function roundedRect(size: Size, radius: number, fill: string, opacity = 1): Buffer {
	return Buffer.from(
		`<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}">` +
			`<rect width="100%" height="100%" rx="${radius}" ry="${radius}" fill="${fill}" fill-opacity="${opacity}"/></svg>`,
	)
}

/** A full frame: the first line as a headline, the others smaller, centred on a solid colour. */
export async function drawTitleCard(frame: Size, item: Pick<TitleItem, 'lines' | 'textColor' | 'backgroundColor'>): Promise<Buffer> {
	const u = unit(frame)
	const maxWidth = Math.round(frame.width * 0.84)
	const lines = await Promise.all(
		item.lines.map((line, index) =>
			renderText(line, {
				sizePx: Math.max(8, Math.round(u * (index === 0 ? 0.085 : 0.055))),
				weight: index === 0 ? 'extrabold' : 'semibold',
				color: item.textColor,
				maxWidth,
				align: 'centre',
			}),
		),
	)
	const gap = Math.round(u * 0.03)
	const blockHeight = lines.reduce((sum, line) => sum + line.height, 0) + gap * (lines.length - 1)
	let top = Math.round((frame.height - blockHeight) / 2)
	const composites = lines.map((line) => {
		const placed = { input: line.png, left: Math.round((frame.width - line.width) / 2), top }
		top += line.height + gap
		return placed
	})
	return sharp({ create: { width: frame.width, height: frame.height, channels: 3, background: item.backgroundColor } })
		.composite(composites)
		.png({ compressionLevel: 1 })
		.toBuffer()
}

/** Where text sits on its line: shared by two sizes, it lines their baselines up. */
const BASELINE_FRACTION = 0.8
/** How strongly an old price shows against the tag: there, but quieter than the new one. */
const OLD_PRICE_STRENGTH = 0.7

/**
 * Product name over its price in đồng, on a rounded tag. An old price sits
 * struck through, smaller and dimmer, between the two; a unit follows the
 * price ("/ hộp 200g"), on its own line when the row would be too wide.
 */
export async function drawPriceTag(
	frame: Size,
	overlay: Pick<PriceOverlay, 'productName' | 'priceVnd' | 'compareAtPriceVnd' | 'unit' | 'textColor' | 'backgroundColor'>,
): Promise<RenderedImage> {
	const u = unit(frame)
	const padding = Math.round(u * 0.025)
	const maxWidth = Math.round(frame.width * 0.55)
	const smallPx = Math.max(8, Math.round(u * 0.04))
	const smallText = { sizePx: smallPx, weight: 'semibold', color: overlay.textColor, maxWidth } as const
	const oldPriceColour = blendColour(overlay.textColor, overlay.backgroundColor, OLD_PRICE_STRENGTH)
	const [name, oldPrice, price, unitLabel] = await Promise.all([
		renderText(overlay.productName, smallText),
		overlay.compareAtPriceVnd === undefined ? null : renderStruckText(priceLabel(overlay.compareAtPriceVnd), { ...smallText, color: oldPriceColour }),
		renderText(priceLabel(overlay.priceVnd), { sizePx: Math.max(8, Math.round(u * 0.065)), weight: 'extrabold', color: overlay.textColor, maxWidth }),
		// A little smaller than the name, so "120.000 ₫ / hộp 200g" fits on one row of a 9:16 tag.
		overlay.unit ? renderText(`/ ${overlay.unit}`, { ...smallText, sizePx: Math.max(8, Math.round(u * 0.034)) }) : null,
	])
	const gap = Math.round(padding / 3)
	const composites: { input: Buffer; left: number; top: number }[] = []
	let top = padding
	let width = 0
	const stack = (image: RenderedImage, left = padding) => {
		composites.push({ input: image.png, left, top })
		width = Math.max(width, left + image.width)
		top += image.height + gap
	}
	stack(name)
	if (oldPrice) stack(oldPrice)
	const priceTop = top
	stack(price)
	if (unitLabel) {
		const besideLeft = padding + price.width + gap
		if (besideLeft + unitLabel.width <= padding + maxWidth) {
			const besideTop = priceTop + Math.round((price.height - unitLabel.height) * BASELINE_FRACTION)
			composites.push({ input: unitLabel.png, left: besideLeft, top: besideTop })
			width = Math.max(width, besideLeft + unitLabel.width)
		} else stack(unitLabel)
	}
	const size = { width: width + padding, height: top - gap + padding }
	const png = await sharp(roundedRect(size, Math.round(u * 0.02), overlay.backgroundColor))
		.composite(composites)
		.png()
		.toBuffer()
	return { png, ...size }
}

/** A QR code on a white card (scanners need the light quiet zone), with an optional line under it. */
export async function drawQrCard(frame: Size, overlay: Pick<QrOverlay, 'url' | 'caption' | 'widthFraction'>): Promise<RenderedImage> {
	const width = Math.round(frame.width * overlay.widthFraction)
	const padding = Math.round(width * 0.06)
	const codeSize = width - 2 * padding
	const code = await QRCode.toBuffer(overlay.url, { errorCorrectionLevel: 'M', margin: 1, width: codeSize, type: 'png' })
	const codePng = await sharp(code).resize(codeSize, codeSize, { kernel: 'nearest' }).png().toBuffer()
	const caption = overlay.caption
		? await renderText(overlay.caption, { sizePx: Math.max(8, Math.round(width * 0.1)), weight: 'bold', color: '#1B1B1B', maxWidth: codeSize, align: 'centre' })
		: null
	const height = padding + codeSize + (caption ? caption.height + padding / 2 : 0) + padding
	const composites = [{ input: codePng, left: padding, top: padding }]
	if (caption) composites.push({ input: caption.png, left: Math.round((width - caption.width) / 2), top: padding + codeSize + Math.round(padding / 2) })
	const png = await sharp(roundedRect({ width, height: Math.round(height) }, Math.round(padding), '#FFFFFF'))
		.composite(composites)
		.png()
		.toBuffer()
	return { png, width, height: Math.round(height) }
}

/** A call to action ("Đặt hàng: Zalo 0912 345 678") on a pill. */
export function drawCallToAction(frame: Size, overlay: Pick<CtaOverlay, 'text' | 'textColor' | 'backgroundColor'>): Promise<RenderedImage> {
	return drawBandText(frame, overlay.text, { sizeFraction: 0.05, color: overlay.textColor, backgroundColor: overlay.backgroundColor })
}

const TEXT_SIZE_FRACTIONS: Record<TextSize, number> = { small: 0.045, medium: 0.06, large: 0.08 }

/** Free words across a band: on a box of their background colour, or with a shadow over the picture. */
export function drawTextOverlay(frame: Size, overlay: Pick<TextOverlay, 'text' | 'size' | 'textColor' | 'backgroundColor'>): Promise<RenderedImage> {
	return drawBandText(frame, overlay.text, { sizeFraction: TEXT_SIZE_FRACTIONS[overlay.size], color: overlay.textColor, backgroundColor: overlay.backgroundColor })
}

async function drawBandText(frame: Size, text: string, look: { sizeFraction: number; color: string; backgroundColor?: string }): Promise<RenderedImage> {
	const u = unit(frame)
	const style = { sizePx: Math.max(8, Math.round(u * look.sizeFraction)), weight: 'bold', color: look.color, maxWidth: Math.round(frame.width * 0.78), align: 'centre' } as const
	if (!look.backgroundColor) return renderShadowedText(text, style)
	const label = await renderText(text, style)
	const padX = Math.round(label.height * 0.5)
	const padY = Math.round(label.height * 0.25)
	const size = { width: label.width + 2 * padX, height: label.height + 2 * padY }
	const png = await sharp(roundedRect(size, Math.round(Math.min(size.height / 2, u * 0.05)), look.backgroundColor))
		.composite([{ input: label.png, left: padX, top: padY }])
		.png()
		.toBuffer()
	return { png, ...size }
}
