import { expect, test } from 'vitest'
import { DISPLAY_NAME_MAX_LENGTH, sanitizeDisplayName } from '~/media/display-name.ts'

test('folder parts and ../ are dropped, whatever the separator', () => {
	expect(sanitizeDisplayName('../../etc/passwd', 'x')).toBe('passwd')
	expect(sanitizeDisplayName('C:\\Users\\Mai\\Đồi chè.jpg', 'x')).toBe('Đồi chè.jpg')
	expect(sanitizeDisplayName('..', 'fallback.jpg')).toBe('fallback.jpg')
	expect(sanitizeDisplayName('.hidden.mp4', 'x')).toBe('hidden.mp4')
})

test('control and invisible characters are removed (no right-to-left override tricks)', () => {
	expect(sanitizeDisplayName('chè\u0000\u0007 xuân\n.mp4', 'x')).toBe('chè xuân.mp4')
	expect(sanitizeDisplayName('invoice\u202Egpj.exe', 'x')).toBe('invoicegpj.exe')
	expect(sanitizeDisplayName('a\u200Bb.jpg', 'x')).toBe('ab.jpg')
})

test('Vietnamese typed in NFD is stored in NFC', () => {
	const nfd = 'Ruộng lúa J02.jpg'.normalize('NFD')
	expect(sanitizeDisplayName(nfd, 'x')).toBe('Ruộng lúa J02.jpg'.normalize('NFC'))
})

test('a 300-character name is cut to the limit and keeps its extension', () => {
	const name = `${'Đồi chè Shan tuyết '.repeat(16)}.mp4`
	const clean = sanitizeDisplayName(name, 'x')
	expect(Array.from(clean).length).toBeLessThanOrEqual(DISPLAY_NAME_MAX_LENGTH)
	expect(clean.endsWith('….mp4')).toBe(true)
	expect(clean.startsWith('Đồi chè Shan tuyết')).toBe(true)
})

test('nothing usable falls back', () => {
	expect(sanitizeDisplayName('   ', 'video.mp4')).toBe('video.mp4')
	expect(sanitizeDisplayName(undefined, 'photo.jpg')).toBe('photo.jpg')
	expect(sanitizeDisplayName('\u0001\u0002', 'audio.m4a')).toBe('audio.m4a')
})

test('white space of any kind folds to one space; leading dots and spaces go, inner dots stay', () => {
	expect(sanitizeDisplayName('  chè \t\t xuân  .mp4 ', 'x')).toBe('chè xuân .mp4')
	expect(sanitizeDisplayName('a\u2028b\u2029c.jpg', 'x')).toBe('abc.jpg')
	expect(sanitizeDisplayName('. .. hidden.mp4', 'x')).toBe('hidden.mp4')
	expect(sanitizeDisplayName('v1.2 final.mp4', 'x')).toBe('v1.2 final.mp4')
	expect(sanitizeDisplayName(42, 'x')).toBe('x')
})

test('the cut counts what a person sees as one character, and keeps an extension of up to 10', () => {
	const thumbs = '👍🏽'.repeat(DISPLAY_NAME_MAX_LENGTH)
	expect(sanitizeDisplayName(thumbs, 'x')).toBe(thumbs)
	expect(sanitizeDisplayName(`${'a'.repeat(200)}.mp4`, 'x')).toBe(`${'a'.repeat(115)}….mp4`)
	expect(sanitizeDisplayName(`${'a'.repeat(114)} ${'b'.repeat(50)}.mp4`, 'x')).toBe(`${'a'.repeat(114)}….mp4`)
	expect(sanitizeDisplayName(`${'a'.repeat(200)}.abcdefghi`, 'x')).toBe(`${'a'.repeat(109)}….abcdefghi`)
	expect(sanitizeDisplayName(`${'a'.repeat(200)}.abcdefghij`, 'x')).toBe(`${'a'.repeat(119)}…`)
	expect(sanitizeDisplayName('a'.repeat(130), 'x')).toBe(`${'a'.repeat(119)}…`)
	expect(sanitizeDisplayName(`${'a'.repeat(200)}.đồi`, 'x')).toBe(`${'a'.repeat(115)}….đồi`)
})
