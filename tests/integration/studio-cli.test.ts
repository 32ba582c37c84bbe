import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { probeFile } from '#workers/ffmpeg/probe.ts'
import { makeColourClip } from '#tests/support/render-checks.ts'

// The `studio` command as a person runs it: bin/studio.js → tsx → the engine.

const execFileAsync = promisify(execFile)
const studio = path.resolve('bin/studio.js')
let dir: string

beforeAll(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'studio-cli-'))
	await fs.mkdir(path.join(dir, 'clips'))
	await makeColourClip(path.join(dir, 'clips', 'doi-che.mp4'), { width: 640, height: 360, seconds: 2, background: 'green', tone: 440 })
})
afterAll(async () => {
	await fs.rm(dir, { recursive: true, force: true })
})

async function run(args: string[]) {
	return execFileAsync(process.execPath, [studio, ...args], { cwd: dir }).then(
		({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
		(error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
	)
}

test('renders a good spec, its media found through the "inputs" map beside it', async () => {
	const spec = {
		version: 1,
		output: { formats: ['square'] },
		inputs: { hill: 'clips/doi-che.mp4' },
		timeline: [{ type: 'clip', mediaId: 'hill', in: 0.2, out: 1.8 }],
		overlays: [{ type: 'cta', text: 'Đặt hàng: Zalo 0912 345 678' }],
	}
	await fs.writeFile(path.join(dir, 'good.json'), JSON.stringify(spec))
	const result = await run(['render', 'good.json', '--out', 'out/good.mp4', '--preview'])
	expect(result.code).toBe(0)
	expect(result.stdout).toContain('good.mp4: 360×360, 1.60 s')
	const probe = await probeFile(path.join(dir, 'out', 'good.mp4'))
	expect(probe.video).toMatchObject({ width: 360, height: 360 })
})

test('--input maps a media id to a file, and --format picks another output', async () => {
	const spec = { version: 1, timeline: [{ type: 'clip', mediaId: 'clip-7', out: 1 }] }
	await fs.writeFile(path.join(dir, 'flags.json'), JSON.stringify(spec))
	const result = await run(['render', 'flags.json', '--out', 'flags.mp4', '--preview', '--format', 'facebook-feed', '--input', 'clip-7=clips/doi-che.mp4'])
	expect(result.code).toBe(0)
	expect((await probeFile(path.join(dir, 'flags.mp4'))).video).toMatchObject({ width: 360, height: 450 })
})

test('a bad spec exits non-zero with messages that name the item, and writes nothing', async () => {
	const spec = { version: 1, timeline: [{ type: 'clip', mediaId: 'clips/doi-che.mp4', label: 'doi-che.mp4', in: 1.5, out: 1 }] }
	await fs.writeFile(path.join(dir, 'bad.json'), JSON.stringify(spec))
	const result = await run(['render', 'bad.json', '--out', 'bad.mp4', '--lang', 'en'])
	expect(result.code).toBe(3)
	expect(result.stderr).toContain('Item 1 (clip “doi-che.mp4”): the out point 1.0 s must come after the in point 1.5 s.')
	await expect(fs.access(path.join(dir, 'bad.mp4'))).rejects.toThrow()
})

test('a spec that reaches past its media is refused before rendering', async () => {
	const spec = { version: 1, timeline: [{ type: 'clip', mediaId: 'clips/doi-che.mp4', in: 0, out: 9 }] }
	await fs.writeFile(path.join(dir, 'long.json'), JSON.stringify(spec))
	const result = await run(['render', 'long.json', '--out', 'long.mp4'])
	expect(result.code).toBe(3)
	expect(result.stderr).toContain('Mục 1 (clip): điểm kết thúc 9,0 s vượt quá độ dài clip 2,0 s.')
})

test('a missing --out is a usage error', async () => {
	const result = await run(['render', 'good.json'])
	expect(result.code).toBe(2)
	expect(result.stderr).toContain('Usage: studio render <spec.json> --out <file.mp4>')
})
