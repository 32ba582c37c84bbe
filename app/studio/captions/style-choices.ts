import type { CaptionStyle } from './schema.ts'

// The few caption looks the studio offers, so a director picks from choices
// that are known to read well instead of typing numbers and colour codes.

export const CAPTION_PRESETS = ['highlight', 'outline', 'boxed'] as const satisfies readonly CaptionStyle['preset'][]
export const CAPTION_POSITIONS = ['bottom', 'middle', 'top'] as const satisfies readonly CaptionStyle['position'][]

/**
 * Font sizes in output pixels of a 1080-wide frame. At the largest, a 9:16
 * screen's safe width (832 px) still holds about 12 letters a row, so the
 * longest Vietnamese syllables ("nghiêng", "thưởng") fit on one row.
 */
export const CAPTION_SIZES = { small: 64, medium: 84, large: 110 } as const
export type CaptionSizeChoice = keyof typeof CAPTION_SIZES

/** Bright colours that stand out from white words and read on a black outline. */
export const HIGHLIGHT_COLOURS = {
	yellow: '#FFD400',
	green: '#3BE05A',
	orange: '#FF8A00',
	pink: '#FF5FA2',
	white: '#FFFFFF',
} as const
export type HighlightColourChoice = keyof typeof HIGHLIGHT_COLOURS

export function sizeChoiceOf(sizePx: number): CaptionSizeChoice | null {
	return (Object.keys(CAPTION_SIZES) as CaptionSizeChoice[]).find((choice) => CAPTION_SIZES[choice] === sizePx) ?? null
}

export function highlightChoiceOf(colour: string): HighlightColourChoice | null {
	return (Object.keys(HIGHLIGHT_COLOURS) as HighlightColourChoice[]).find((choice) => HIGHLIGHT_COLOURS[choice] === colour.toUpperCase()) ?? null
}
