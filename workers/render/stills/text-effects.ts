import sharp from 'sharp'
import { renderText, type RenderedImage, type TextStyle } from '#workers/photo/text.ts'

// What plain text from renderText does not do: a line struck through it (an
// old price) and a soft shadow that keeps words readable on any picture.

const CLEAR = { r: 0, g: 0, b: 0, alpha: 0 }

/** The rows and columns that hold any ink; the text image itself has room for accents and descenders. */
async function inkBounds(image: RenderedImage): Promise<{ left: number; right: number; top: number; bottom: number }> {
	const { data, info } = await sharp(image.png).ensureAlpha().extractChannel('alpha').raw().toBuffer({ resolveWithObject: true })
	let left = info.width
	let right = -1
	let top = info.height
	let bottom = -1
	for (let y = 0; y < info.height; y++) {
		for (let x = 0; x < info.width; x++) {
			if (data[y * info.width + x] < 128) continue
			left = Math.min(left, x)
			right = Math.max(right, x)
			top = Math.min(top, y)
			bottom = Math.max(bottom, y)
		}
	}
	return right < 0 ? { left: 0, right: info.width - 1, top: 0, bottom: info.height - 1 } : { left, right, top, bottom }
}

/**
 * The text with a line across the middle of its glyphs, end to end, as shops
 * strike an old price. The line is placed on the ink rather than on the text
 * box, which carries room for Vietnamese accents above the letters.
 */
export async function renderStruckText(text: string, style: TextStyle): Promise<RenderedImage> {
	const image = await renderText(text, style)
	const ink = await inkBounds(image)
	const thickness = Math.max(2, Math.round(style.sizePx * 0.09))
	const overhang = Math.round(thickness / 2)
	const width = ink.right - ink.left + 1 + 2 * overhang
	const line = await sharp({ create: { width, height: thickness, channels: 4, background: style.color } }).png().toBuffer()
	const png = await sharp(image.png)
		.extend({ left: overhang, right: overhang, background: CLEAR })
		.composite([{ input: line, left: ink.left, top: Math.round((ink.top + ink.bottom - thickness) / 2) }])
		.png()
		.toBuffer()
	return { png, width: image.width + 2 * overhang, height: image.height }
}

/** The text over a blurred dark copy of itself, padded so the shadow is not cut off. */
export async function renderShadowedText(text: string, style: TextStyle): Promise<RenderedImage> {
	const [front, shade] = await Promise.all([renderText(text, style), renderText(text, { ...style, color: '#000000' })])
	const spread = Math.max(2, Math.round(style.sizePx * 0.08))
	const pad = 2 * spread
	const shadow = await sharp(shade.png)
		.extend({ top: pad, bottom: pad, left: pad, right: pad, background: CLEAR })
		.blur(spread)
		.png()
		.toBuffer()
	const size = { width: front.width + 2 * pad, height: front.height + 2 * pad }
	const png = await sharp({ create: { ...size, channels: 4, background: CLEAR } })
		.composite([
			// Twice, so the blurred edge is dark enough behind white words on a bright sky.
			{ input: shadow, left: 0, top: 0 },
			{ input: shadow, left: 0, top: 0 },
			{ input: front.png, left: pad, top: pad },
		])
		.png()
		.toBuffer()
	return { png, ...size }
}

/** A colour part way from `background` to `foreground` (#RRGGBB): text that is there but says less. */
export function blendColour(foreground: string, background: string, amount: number): string {
	const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16)
	const mixed = [0, 1, 2].map((i) => Math.round(channel(background, i) + (channel(foreground, i) - channel(background, i)) * amount))
	return `#${mixed.map((value) => value.toString(16).padStart(2, '0')).join('')}`
}
