import sharp from 'sharp'
import { FONT_FAMILY, FONT_WEIGHTS, fontFile, type FontWeight } from './fonts.ts'

export type TextStyle = {
	sizePx: number
	weight: FontWeight
	/** #rrggbb */
	color: string
	/** Longer text wraps at word boundaries within this width. */
	maxWidth: number
	align?: 'left' | 'centre' | 'right'
}

export type RenderedImage = { png: Buffer; width: number; height: number }

/** Pango reads the text as markup, so a product called "Trà & Mật" must not open a tag. */
export function escapeMarkup(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * Draws text with sharp's Pango renderer and the bundled Be Vietnam Pro file
 * (`fontfile`), so the glyphs never depend on the fonts installed on the
 * machine. Text is normalised to NFC first: a decomposed "ố" would be shaped
 * mark by mark. At the default 72 dpi one point is one pixel.
 */
export async function renderText(text: string, style: TextStyle): Promise<RenderedImage> {
	const weight = FONT_WEIGHTS[style.weight]
	const markup = `<span foreground="${style.color}">${escapeMarkup(text.normalize('NFC'))}</span>`
	const { data, info } = await sharp({
		text: {
			text: markup,
			font: `${FONT_FAMILY} ${weight.style} ${style.sizePx}`,
			fontfile: fontFile(style.weight),
			width: Math.round(style.maxWidth),
			align: style.align ?? 'left',
			wrap: 'word-char',
			rgba: true,
		},
	})
		.png()
		.toBuffer({ resolveWithObject: true })
	return { png: data, width: info.width, height: info.height }
}
