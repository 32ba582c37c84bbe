import QRCode from 'qrcode'
import sharp from 'sharp'
import type { CtaOverlay, PriceOverlay, QrOverlay, TitleItem } from '~/studio/spec/edit-spec.ts'
import { priceLabel } from '~/studio/photo-posts/price-label.ts'
import { renderText, type RenderedImage } from '#workers/photo/text.ts'
import type { Size } from '../geometry.ts'

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

/** Product name over its price in đồng, on a rounded tag. */
export async function drawPriceTag(frame: Size, overlay: Pick<PriceOverlay, 'productName' | 'priceVnd' | 'textColor' | 'backgroundColor'>): Promise<RenderedImage> {
	const u = unit(frame)
	const padding = Math.round(u * 0.025)
	const maxWidth = Math.round(frame.width * 0.55)
	const [name, price] = await Promise.all([
		renderText(overlay.productName, { sizePx: Math.max(8, Math.round(u * 0.04)), weight: 'semibold', color: overlay.textColor, maxWidth }),
		renderText(priceLabel(overlay.priceVnd), { sizePx: Math.max(8, Math.round(u * 0.065)), weight: 'extrabold', color: overlay.textColor, maxWidth }),
	])
	const gap = Math.round(padding / 3)
	const size = { width: Math.max(name.width, price.width) + 2 * padding, height: name.height + gap + price.height + 2 * padding }
	const png = await sharp(roundedRect(size, Math.round(u * 0.02), overlay.backgroundColor))
		.composite([
			{ input: name.png, left: padding, top: padding },
			{ input: price.png, left: padding, top: padding + name.height + gap },
		])
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
export async function drawCallToAction(frame: Size, overlay: Pick<CtaOverlay, 'text' | 'textColor' | 'backgroundColor'>): Promise<RenderedImage> {
	const u = unit(frame)
	const label = await renderText(overlay.text, {
		sizePx: Math.max(8, Math.round(u * 0.05)),
		weight: 'bold',
		color: overlay.textColor,
		maxWidth: Math.round(frame.width * 0.78),
		align: 'centre',
	})
	const padX = Math.round(label.height * 0.5)
	const padY = Math.round(label.height * 0.25)
	const size = { width: label.width + 2 * padX, height: label.height + 2 * padY }
	const png = await sharp(roundedRect(size, Math.round(Math.min(size.height / 2, u * 0.05)), overlay.backgroundColor))
		.composite([{ input: label.png, left: padX, top: padY }])
		.png()
		.toBuffer()
	return { png, ...size }
}
