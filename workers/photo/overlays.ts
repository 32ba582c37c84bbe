import sharp from 'sharp'
import type { Size } from './crop-window.ts'
import { overlayMetrics } from './layout.ts'
import { renderText, type RenderedImage } from './text.ts'

// The pieces composited onto every photo, drawn once per frame size and
// reused for every photo of a carousel.

const BADGE_BACKGROUND = '#FFF4D6'
const PRODUCT_NAME_COLOUR = '#1F3D2B'
const PRICE_COLOUR = '#B3261E'

function roundedRectSvg(size: Size, radius: number, fill: string, opacity = 1) {
	return Buffer.from(
		`<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}">` +
			`<rect width="100%" height="100%" rx="${radius}" ry="${radius}" fill="${fill}" fill-opacity="${opacity}"/></svg>`,
	)
}

/** Product name above its price, on a cream card with rounded corners. */
export async function drawPriceBadge(frame: Size, content: { productName: string; priceLabel: string }): Promise<RenderedImage> {
	const m = overlayMetrics(frame)
	const textWidth = m.badgeMaxWidth - 2 * m.badgePadding
	const [name, price] = await Promise.all([
		renderText(content.productName, { sizePx: m.productNameSizePx, weight: 'semibold', color: PRODUCT_NAME_COLOUR, maxWidth: textWidth }),
		renderText(content.priceLabel, { sizePx: m.priceSizePx, weight: 'extrabold', color: PRICE_COLOUR, maxWidth: textWidth }),
	])
	const gap = Math.round(m.badgePadding / 3)
	const width = Math.max(name.width, price.width) + 2 * m.badgePadding
	const height = name.height + gap + price.height + 2 * m.badgePadding
	const png = await sharp(roundedRectSvg({ width, height }, m.badgeRadius, BADGE_BACKGROUND))
		.composite([
			{ input: name.png, left: m.badgePadding, top: m.badgePadding },
			{ input: price.png, left: m.badgePadding, top: m.badgePadding + name.height + gap },
		])
		.png()
		.toBuffer()
	return { png, width, height }
}

export function drawHeadline(frame: Size, headline: string): Promise<RenderedImage> {
	const m = overlayMetrics(frame)
	return renderText(headline, { sizePx: m.headlineSizePx, weight: 'bold', color: '#FFFFFF', maxWidth: frame.width - 2 * m.padding })
}

/** "2/5" on a translucent dark pill. */
export async function drawCounter(frame: Size, position: number, total: number): Promise<RenderedImage> {
	const m = overlayMetrics(frame)
	const label = await renderText(`${position}/${total}`, { sizePx: m.counterSizePx, weight: 'bold', color: '#FFFFFF', maxWidth: frame.width / 4 })
	const padX = Math.round(label.height * 0.6)
	const padY = Math.round(label.height * 0.25)
	const size = { width: label.width + 2 * padX, height: label.height + 2 * padY }
	const png = await sharp(roundedRectSvg(size, Math.round(size.height / 2), '#000000', 0.55))
		.composite([{ input: label.png, left: padX, top: padY }])
		.png()
		.toBuffer()
	return { png, ...size }
}

/** A band that fades from clear to 60 % black towards the bottom edge. */
export async function drawScrim(size: Size): Promise<Buffer> {
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}">` +
		`<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1">` +
		`<stop offset="0" stop-color="#000" stop-opacity="0"/><stop offset="0.45" stop-color="#000" stop-opacity="0.45"/>` +
		`<stop offset="1" stop-color="#000" stop-opacity="0.6"/></linearGradient></defs>` +
		`<rect width="100%" height="100%" fill="url(#s)"/></svg>`
	return sharp(Buffer.from(svg)).png().toBuffer()
}

/**
 * The co-op logo, upright (EXIF applied) and scaled to about 12 % of the
 * frame width; a tall logo is held to the same height so it stays a corner
 * mark rather than a banner.
 */
export async function drawLogo(frame: Size, logo: Buffer): Promise<RenderedImage> {
	const { logoWidth } = overlayMetrics(frame)
	const { data, info } = await sharp(logo)
		.rotate()
		.resize({ width: logoWidth, height: logoWidth, fit: 'inside' })
		.png()
		.toBuffer({ resolveWithObject: true })
	return { png: data, width: info.width, height: info.height }
}
