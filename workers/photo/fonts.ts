import { createRequire } from 'node:module'
import path from 'node:path'

// Be Vietnam Pro is drawn for Vietnamese: stacked diacritics (ố, ặ, ữ, ỹ) keep
// their shape and spacing, where a generic sans lets them collide or falls
// back glyph by glyph. The TTFs ship inside a registry package, so every
// machine has them without a system font install.
const require = createRequire(import.meta.url)
const fontDir = path.dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'))

export const FONT_FAMILY = 'Be Vietnam Pro'

export const FONT_WEIGHTS = {
	semibold: { style: 'SemiBold', file: '600SemiBold/BeVietnamPro_600SemiBold.ttf' },
	bold: { style: 'Bold', file: '700Bold/BeVietnamPro_700Bold.ttf' },
	extrabold: { style: 'ExtraBold', file: '800ExtraBold/BeVietnamPro_800ExtraBold.ttf' },
} as const

export type FontWeight = keyof typeof FONT_WEIGHTS

export function fontFile(weight: FontWeight): string {
	return path.join(fontDir, FONT_WEIGHTS[weight].file)
}
