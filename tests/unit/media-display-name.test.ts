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
