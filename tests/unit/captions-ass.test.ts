import { describe, expect, test } from 'vitest'
import { assTime, buildAssSubtitles, captionFontsDir, escapeAssText, subtitlesFilter } from '~/studio/captions/ass.ts'
import { assOverrideColor, assStyleColor } from '~/studio/captions/colors.ts'
import { captionSafeArea } from '~/studio/captions/safe-area.ts'
import { captionTrackSchema, type CaptionTrackInput } from '~/studio/captions/schema.ts'
import { groupWords, splitLineIntoScreens } from '~/studio/captions/screens.ts'
import fs from 'node:fs'
import path from 'node:path'

const build = (input: CaptionTrackInput, size = { width: 1080, height: 1920 }) => buildAssSubtitles(captionTrackSchema.parse(input), size)
const dialogues = (ass: string) => ass.split('\n').filter((row) => row.startsWith('Dialogue:'))
const dialogueText = (row: string) => row.split(',').slice(9).join(',')
const styleFields = (ass: string) => {
	const format = ass.split('\n').find((row) => row.startsWith('Format: Name'))!.slice('Format: '.length).split(', ')
	const values = ass.split('\n').find((row) => row.startsWith('Style: '))!.slice('Style: '.length).split(',')
	return Object.fromEntries(format.map((name, i) => [name, values[i]]))
}

const spokenLine = {
	start: 1,
	end: 3,
	text: 'Chè ngon, đặc biệt!',
	words: [
		{ start: 1, end: 1.4, text: 'Chè' },
		{ start: 1.4, end: 2, text: 'ngon,' },
		{ start: 2, end: 2.5, text: 'đặc' },
		{ start: 2.5, end: 2.9, text: 'biệt!' },
	],
}

describe('caption schema', () => {
	test('applies the agreed defaults and stores text as NFC', () => {
		const decomposed = 'Đặc sản'.normalize('NFD')
		const track = captionTrackSchema.parse({ lines: [{ start: 0, end: 1, text: ` ${decomposed} ` }] })
		expect(track.style).toEqual({
			preset: 'highlight',
			font: 'be-vietnam-pro',
			sizePx: 84,
			position: 'bottom',
			textColor: '#FFFFFF',
			highlightColor: '#FFD400',
			outlinePx: 5,
		})
		expect(track.lines[0].text).toBe('Đặc sản'.normalize('NFC'))
		expect(track.lines[0].text).not.toBe(decomposed)
	})

	test('rejects a line that does not end after it starts, and unknown fonts', () => {
		expect(captionTrackSchema.safeParse({ lines: [{ start: 2, end: 2, text: 'x' }] }).success).toBe(false)
		expect(captionTrackSchema.safeParse({ lines: [], style: { font: 'Arial' } }).success).toBe(false)
		expect(captionTrackSchema.safeParse({ lines: [{ start: 0, end: 1, text: '   ' }] }).success).toBe(false)
	})
})

describe('ASS colours', () => {
	test('are written alpha-blue-green-red', () => {
		expect(assStyleColor('#FFD400')).toBe('&H0000D4FF')
		expect(assStyleColor('#112233', 0x80)).toBe('&H80332211')
		expect(assOverrideColor('#FFD400')).toBe('&H00D4FF&')
	})
})

describe('buildAssSubtitles', () => {
	test('sets PlayRes to the output size and a caption style in the brand font', () => {
		const ass = build({ lines: [spokenLine], style: { textColor: '#FFFFFF', highlightColor: '#FFD400', outlinePx: 6, sizePx: 90 } })
		expect(ass).toContain('PlayResX: 1080\nPlayResY: 1920')
		const style = styleFields(ass)
		expect(style.Fontname).toBe('Be Vietnam Pro ExtraBold')
		expect(style.Fontsize).toBe('90')
		expect(style.PrimaryColour).toBe('&H00FFFFFF')
		expect(style.OutlineColour).toBe('&H00000000')
		expect(style.Outline).toBe('6')
		expect(style.BorderStyle).toBe('1')
		expect(style.Alignment).toBe('2')
	})

	test('keeps 9:16 captions clear of the TikTok/Reels interface', () => {
		const style = styleFields(build({ lines: [spokenLine] }))
		expect(Number(style.MarginV)).toBeGreaterThanOrEqual(0.2 * 1920)
		expect(Number(style.MarginR)).toBeGreaterThanOrEqual(0.15 * 1080)
		expect(Number(style.MarginL)).toBeGreaterThan(0)
		const top = styleFields(build({ lines: [spokenLine], style: { position: 'top' } }))
		expect(top.Alignment).toBe('8')
		expect(Number(top.MarginV)).toBeGreaterThanOrEqual(0.1 * 1920)
	})

	test('uses modest margins for feed and landscape sizes', () => {
		for (const [width, height] of [
			[1080, 1350],
			[1080, 1080],
			[1920, 1080],
		]) {
			const safe = captionSafeArea(width, height)
			expect(safe.right).toBeLessThan(0.1 * width)
			expect(safe.bottom).toBeGreaterThan(0.05 * height)
			expect(safe.bottom).toBeLessThan(0.1 * height)
		}
	})

	test('writes one Dialogue per spoken word, colouring only that word', () => {
		const rows = dialogues(build({ lines: [spokenLine] }))
		expect(rows).toHaveLength(4)
		expect(rows.map((row) => row.split(',').slice(1, 3).join('-'))).toEqual([
			'0:00:01.00-0:00:01.40',
			'0:00:01.40-0:00:02.00',
			'0:00:02.00-0:00:02.50',
			'0:00:02.50-0:00:03.00',
		])
		expect(dialogueText(rows[1])).toBe('Chè {\\1c&H00D4FF&}ngon,{\\1c&HFFFFFF&} đặc biệt!')
		for (const row of rows) expect(dialogueText(row).match(/\\1c&H00D4FF&/g)).toHaveLength(1)
	})

	test('outline and boxed presets show whole screens without word colouring', () => {
		const outline = dialogues(build({ lines: [spokenLine], style: { preset: 'outline' } }))
		expect(outline).toHaveLength(1)
		expect(dialogueText(outline[0])).toBe('Chè ngon, đặc biệt!')
		const boxedAss = build({ lines: [spokenLine], style: { preset: 'boxed' } })
		expect(styleFields(boxedAss).BorderStyle).toBe('3')
		expect(dialogues(boxedAss).join('\n')).not.toContain('\\1c')
	})

	test('cuts long lines into screens of 2 to 4 words that follow the word times', () => {
		const words = 'Một ngày trên nương chè Shan tuyết cổ thụ ở Suối Giàng'.split(' ')
		const line = {
			start: 0,
			end: words.length * 0.5,
			text: words.join(' '),
			words: words.map((text, i) => ({ start: i * 0.5, end: i * 0.5 + 0.4, text })),
		}
		const screens = splitLineIntoScreens(captionTrackSchema.parse({ lines: [line] }).lines[0], 40)
		expect(screens.map((s) => s.words.length)).toEqual([4, 4, 4])
		expect(screens[1].start).toBe(2)
		expect(screens[0].end).toBe(screens[1].start)
		const texts = dialogues(build({ lines: [line], style: { preset: 'outline' } })).map(dialogueText)
		expect(texts).toEqual(['Một ngày trên nương', 'chè Shan tuyết cổ', 'thụ ở Suối Giàng'])
	})

	test('never leaves a lonely last word: five words become 3 + 2', () => {
		// Nine characters are wider than one row of an eight-character screen, so the line is cut.
		expect(groupWords('a b c d e'.split(' ').map((text) => ({ text })), 16).map((g) => g.length)).toEqual([3, 2])
	})

	test('uses fewer words a screen when a big font would not fit', () => {
		const text = 'Nghiêng nghiêng nghiêng nghiêng'
		const small = dialogues(build({ lines: [{ start: 0, end: 4, text }], style: { preset: 'outline', sizePx: 60 } }))
		const huge = dialogues(build({ lines: [{ start: 0, end: 4, text }], style: { preset: 'outline', sizePx: 200 } }))
		expect(small).toHaveLength(1)
		expect(huge.length).toBeGreaterThan(1)
	})

	test('shows text corrected after transcription, with the heard times re-aligned to it', () => {
		const rows = dialogues(build({ lines: [{ ...spokenLine, text: 'Chè ngon, đặc biệt lắm!' }] }))
		const plain = (row: string) => dialogueText(row).replace(/\{[^}]*\}/g, '')
		expect(rows.map(plain)).toEqual(['Chè ngon, đặc', 'Chè ngon, đặc', 'Chè ngon, đặc', 'biệt lắm!', 'biệt lắm!'])
		// "biệt" keeps its heard time; the added "lắm!" gets what is left of the line.
		expect(rows[3]).toContain('0:00:02.50,0:00:02.90')
		expect(dialogueText(rows[4])).toContain('{\\1c&H00D4FF&}lắm!')
		expect(rows[4]).toContain('0:00:02.90,0:00:03.00')
	})

	test('does not highlight words whose times were only estimated', () => {
		const rows = dialogues(build({ lines: [{ start: 0, end: 2, text: 'Chè ngon đặc biệt' }] }))
		expect(rows).toHaveLength(1)
		expect(dialogueText(rows[0])).toBe('Chè ngon đặc biệt')
	})

	test('spreads a line without word times over its words by length', () => {
		const rows = dialogues(build({ lines: [{ start: 0, end: 6, text: 'một hai ba bốn năm sáu bảy tám' }], style: { preset: 'outline' } }))
		expect(rows).toHaveLength(2)
		// 15 of the 31 weighted characters (length + 1 a word) fall on the first screen.
		expect(rows[0]).toContain('0:00:00.00,0:00:02.90')
	})

	test('escapes override characters so user text cannot become tags', () => {
		expect(escapeAssText('giá {khuyến mãi}')).toBe('giá \\{khuyến mãi\\}')
		expect(escapeAssText('a\\Nb')).toBe('a\\\u00A0Nb')
		expect(escapeAssText('C:\\x')).toBe('C:\\x')
		expect(escapeAssText('cuối\\')).toBe('cuối\\\u00A0')
		const row = dialogues(build({ lines: [{ start: 0, end: 1, text: '{\\b1}Đặt hàng' }], style: { preset: 'outline' } }))[0]
		expect(dialogueText(row)).toBe('\\{\\b1\\}Đặt hàng')
	})

	test('keeps Vietnamese diacritics, normalised to NFC', () => {
		const text = 'ố ặ ữ ỹ Đ'.normalize('NFD')
		const rows = dialogues(build({ lines: [{ start: 0, end: 1, text }], style: { preset: 'outline' } }))
		expect(rows.map(dialogueText).join(' ')).toBe('ố ặ ữ ỹ Đ'.normalize('NFC'))
	})

	test('orders lines by time and formats times in centiseconds', () => {
		const rows = dialogues(
			build({
				lines: [
					{ start: 65.5, end: 67, text: 'sau' },
					{ start: 0.004, end: 1.996, text: 'trước' },
				],
				style: { preset: 'outline' },
			}),
		)
		expect(rows[0]).toContain('0:00:00.00,0:00:02.00')
		expect(rows[1]).toContain('0:01:05.50,0:01:07.00')
		expect(assTime(3723.456)).toBe('1:02:03.46')
	})
})

describe('subtitlesFilter', () => {
	test('points at a folder that holds only the ExtraBold face, byte for byte', () => {
		const dir = captionFontsDir()
		expect(fs.readdirSync(dir)).toEqual(['BeVietnamPro_800ExtraBold.ttf'])
		const shipped = path.resolve('node_modules/@expo-google-fonts/be-vietnam-pro/800ExtraBold/BeVietnamPro_800ExtraBold.ttf')
		expect(fs.readFileSync(path.join(dir, 'BeVietnamPro_800ExtraBold.ttf')).equals(fs.readFileSync(shipped))).toBe(true)
	})

	test('escapes colons, commas and quotes at both filter levels', () => {
		const filter = subtitlesFilter("/tmp/a b:c,d'e.ass")
		expect(filter.startsWith("subtitles=filename=/tmp/a b\\\\:c\\,d\\\\\\'e.ass:fontsdir=")).toBe(true)
		expect(filter.endsWith(`:fontsdir=${captionFontsDir()}`)).toBe(true)
	})
})
