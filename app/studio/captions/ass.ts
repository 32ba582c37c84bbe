import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { escapeFilterValue } from '~/studio/render/filter-escape.ts'
import { assOverrideColor, assStyleColor } from './colors.ts'
import { captionSafeArea } from './safe-area.ts'
import { ROWS_PER_SCREEN, splitLineIntoScreens, type CaptionScreen } from './screens.ts'
import type { CaptionStyle, CaptionTrack } from './schema.ts'

// Builds the .ass file that ffmpeg's `subtitles` filter (libass) burns into
// the video. PlayRes is the output size, so every size and margin below is in
// output pixels. Server-only: it locates the font files on disk.

const require = createRequire(import.meta.url)

/** The family name inside BeVietnamPro_800ExtraBold.ttf (its legacy name-table family). */
const FONT_FAMILY = 'Be Vietnam Pro ExtraBold'
/** Average advance of a Be Vietnam Pro ExtraBold letter, in font sizes; used to decide how many words fit. */
const AVERAGE_CHAR_WIDTH_EM = 0.62

const FONT_FILE = 'BeVietnamPro_800ExtraBold.ttf'

/**
 * A folder holding only the caption font, for `subtitles=...:fontsdir=DIR`.
 * libass tries to load every file of that folder (the package's own folder
 * also has a preview PNG and JS files, each logging an error), and with one
 * face there the match cannot land on another weight. The font is copied
 * from @expo-google-fonts/be-vietnam-pro on first use.
 */
export function captionFontsDir(): string {
	const source = require.resolve(`@expo-google-fonts/be-vietnam-pro/800ExtraBold/${FONT_FILE}`)
	const dir = path.join(os.tmpdir(), `coop-studio-caption-fonts-${os.userInfo().uid}`)
	const target = path.join(dir, FONT_FILE)
	if (fs.existsSync(target) && fs.statSync(target).size === fs.statSync(source).size) return dir
	fs.mkdirSync(dir, { recursive: true })
	// Copy then rename, so a render starting meanwhile never sees half a font.
	const partial = path.join(os.tmpdir(), `${FONT_FILE}.${process.pid}.partial`)
	fs.copyFileSync(source, partial)
	fs.renameSync(partial, target)
	return dir
}

export function buildAssSubtitles(track: CaptionTrack, { width, height }: { width: number; height: number }): string {
	const { style } = track
	const safe = captionSafeArea(width, height)
	const maxChars = Math.max(
		1,
		Math.floor((ROWS_PER_SCREEN * (width - safe.left - safe.right)) / (AVERAGE_CHAR_WIDTH_EM * style.sizePx)),
	)
	const lines = [...track.lines].sort((a, b) => a.start - b.start)
	const events = lines
		.flatMap((line) =>
			splitLineIntoScreens(line, maxChars).flatMap((screen) =>
				// Highlighting follows heard words only: a guessed pace would light words before or after they are said.
				style.preset === 'highlight' && screen.spoken ? wordHighlightEvents(screen, style) : [dialogue(screen.start, screen.end, screenText(screen))],
			),
		)
		.filter((event): event is string => event !== null)
	return [
		'[Script Info]',
		'; Made by Co-op Studio',
		'ScriptType: v4.00+',
		`PlayResX: ${width}`,
		`PlayResY: ${height}`,
		// 0 = wrap into balanced rows when a screen is wider than the margins allow.
		'WrapStyle: 0',
		'ScaledBorderAndShadow: yes',
		'YCbCr Matrix: None',
		'',
		'[V4+ Styles]',
		'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
		styleLine(style, safe),
		'',
		'[Events]',
		'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
		...events,
		'',
	].join('\n')
}

const ALIGNMENT = { bottom: 2, middle: 5, top: 8 } as const

function styleLine(style: CaptionStyle, safe: ReturnType<typeof captionSafeArea>): string {
	const boxed = style.preset === 'boxed'
	// Boxed: libass draws BorderStyle 3 as a box in OutlineColour, padded by Outline.
	const outlineColour = boxed ? assStyleColor('#000000', 0x50) : assStyleColor('#000000')
	const outline = boxed ? Math.max(style.outlinePx, Math.round(style.sizePx * 0.15)) : style.outlinePx
	const shadow = boxed ? 0 : Math.round(style.outlinePx / 2)
	const marginV = style.position === 'top' ? safe.top : safe.bottom
	return `Style: Caption,${FONT_FAMILY},${style.sizePx},${assStyleColor(style.textColor)},${assStyleColor(style.highlightColor)},${outlineColour},${assStyleColor('#000000', 0x80)},0,0,0,0,100,100,0,0,${boxed ? 3 : 1},${outline},${shadow},${ALIGNMENT[style.position]},${safe.left},${safe.right},${marginV},1`
}

/** One event per word interval: the whole screen, with the word being spoken in the highlight colour. */
function wordHighlightEvents(screen: CaptionScreen, style: CaptionStyle): (string | null)[] {
	const { words } = screen
	return words.map((_, current) => {
		const start = current === 0 ? screen.start : words[current].start
		const end = current === words.length - 1 ? screen.end : words[current + 1].start
		const text = words
			.map((word, i) =>
				i === current
					? `{\\1c${assOverrideColor(style.highlightColor)}}${escapeAssText(word.text)}{\\1c${assOverrideColor(style.textColor)}}`
					: escapeAssText(word.text),
			)
			.join(' ')
		return dialogue(start, end, text)
	})
}

function screenText(screen: CaptionScreen): string {
	return screen.words.map((word) => escapeAssText(word.text)).join(' ')
}

/** Events are dropped when start and end round to the same centisecond: libass would never show them. */
function dialogue(start: number, end: number, text: string): string | null {
	const from = assTime(start)
	const to = assTime(end)
	return from === to ? null : `Dialogue: 0,${from},${to},Caption,,0,0,0,,${text}`
}

/**
 * The filter that burns `assPath` in with the caption font, escaped for both
 * levels ffmpeg parses (the filter's options, then the filter graph), so
 * paths with spaces, colons, commas or quotes survive.
 */
export function subtitlesFilter(assPath: string): string {
	return `subtitles=filename=${escapeFilterValue(assPath)}:fontsdir=${escapeFilterValue(captionFontsDir())}`
}

/** Seconds → H:MM:SS.cc, the only precision ASS has. */
export function assTime(seconds: number): string {
	const centiseconds = Math.round(seconds * 100)
	const h = Math.floor(centiseconds / 360_000)
	const m = Math.floor((centiseconds % 360_000) / 6000)
	const s = Math.floor((centiseconds % 6000) / 100)
	const cs = centiseconds % 100
	return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(cs).padStart(2, '0')}`
}

const NO_BREAK_SPACE = '\u00A0'

/**
 * Makes user text literal for libass: braces become the `\{` `\}` escapes
 * (otherwise "{...}" would be read as override tags), and a backslash that
 * would start `\N`, `\n`, `\h` (or merge with a tag the builder appends) is
 * kept apart by a no-break space, the only invisible-width character the
 * font has. Text is NFC so libass finds "ố" as one glyph of the font.
 */
export function escapeAssText(text: string): string {
	const normalized = text.normalize('NFC').replace(/\s+/g, ' ')
	let escaped = ''
	for (let i = 0; i < normalized.length; i++) {
		const char = normalized[i]
		const next = normalized[i + 1]
		if (char === '{' || char === '}') escaped += `\\${char}`
		else if (char === '\\' && (next === undefined || 'Nnh'.includes(next))) escaped += `\\${NO_BREAK_SPACE}`
		else escaped += char
	}
	return escaped
}
