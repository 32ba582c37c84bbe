// ASS writes colours blue-green-red, with alpha first and 00 meaning opaque.

function bgr(hex: string): string {
	const rgb = hex.replace('#', '').toUpperCase()
	return rgb.slice(4, 6) + rgb.slice(2, 4) + rgb.slice(0, 2)
}

/** "#FFD400" → "&H0000D4FF" for a style line; `alpha` 0 is opaque, 255 invisible. */
export function assStyleColor(hex: string, alpha = 0): string {
	return `&H${alpha.toString(16).toUpperCase().padStart(2, '0')}${bgr(hex)}`
}

/** "#FFD400" → "&H00D4FF&" for a \c override tag. */
export function assOverrideColor(hex: string): string {
	return `&H${bgr(hex)}&`
}
