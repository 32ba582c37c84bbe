import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { mediaKeys, renderDirKey, resolveMediaPath, StorageKeyError, writeAtomically } from '~/media/storage.server.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-storage-'))
beforeAll(() => {
	process.env.MEDIA_ROOT = root
	resetEnvForTests()
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

test('keys are made from ids only and resolve inside MEDIA_ROOT', () => {
	const keys = mediaKeys('coop1', 'media1', 'mp4')
	expect(keys).toMatchObject({
		original: 'coops/coop1/media/media1/original.mp4',
		thumb: 'coops/coop1/media/media1/thumb.jpg',
		poster: 'coops/coop1/media/media1/poster.jpg',
		videoProxy: 'coops/coop1/media/media1/proxy.mp4',
	})
	expect(resolveMediaPath(keys.original)).toBe(path.join(root, 'coops/coop1/media/media1/original.mp4'))
	expect(renderDirKey('coop1', 'r1')).toBe('coops/coop1/renders/r1')
})

test.each([
	'../outside.txt',
	'coops/../../etc/passwd',
	'coops/c/../../..',
	'/etc/passwd',
	'coops\\c\\media',
	'coops//media',
	'coops/c/media/m/original.mp4\u0000.jpg',
	'.uploads/abc',
	'coops/c/./x',
	'',
])('the key %j is refused', (key) => {
	expect(() => resolveMediaPath(key)).toThrow(StorageKeyError)
})

test('ids and extensions that could form a path are refused', () => {
	expect(() => mediaKeys('../c', 'm', 'mp4')).toThrow(StorageKeyError)
	expect(() => mediaKeys('c', 'm/..', 'mp4')).toThrow(StorageKeyError)
	expect(() => mediaKeys('c', 'm', 'mp4/../../x')).toThrow(StorageKeyError)
	expect(() => mediaKeys('c', 'm', 'MP4')).toThrow(StorageKeyError)
	expect(() => renderDirKey('c', '..')).toThrow(StorageKeyError)
})

test('an atomic write shows the file only when complete and leaves nothing on failure', async () => {
	const key = 'coops/c/media/m/thumb.jpg'
	await writeAtomically(key, async (temp) => {
		expect(path.dirname(temp)).toBe(path.dirname(resolveMediaPath(key)))
		fs.writeFileSync(temp, 'half')
		expect(fs.existsSync(resolveMediaPath(key))).toBe(false)
		fs.appendFileSync(temp, ' and the rest')
	})
	expect(fs.readFileSync(resolveMediaPath(key), 'utf8')).toBe('half and the rest')

	await expect(
		writeAtomically('coops/c/media/m/poster.jpg', async (temp) => {
			fs.writeFileSync(temp, 'broken')
			throw new Error('ffmpeg died')
		}),
	).rejects.toThrow('ffmpeg died')
	expect(fs.readdirSync(path.dirname(resolveMediaPath(key)))).toEqual(['thumb.jpg'])
})
