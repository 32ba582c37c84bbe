import { execFile } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest'
import { startFakePlatforms, type FakePlatforms } from '#tests/support/fake-platforms.ts'

// `studio publish` as another tool drives it: the real command, the real
// clients, against local platforms written from their documentation.

const studio = path.resolve('bin/studio.js')
let dir: string
let video: Buffer
let platforms: FakePlatforms

beforeAll(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'publish-cli-'))
	video = crypto.randomBytes(3_000_000)
	await fs.writeFile(path.join(dir, 'reel.mp4'), video)
	await fs.writeFile(path.join(dir, 'big.mp4'), crypto.randomBytes(21_000_000))
	await fs.writeFile(path.join(dir, 'a.jpg'), crypto.randomBytes(40_000))
	await fs.writeFile(path.join(dir, 'b.jpg'), crypto.randomBytes(50_000))
})
afterAll(async () => {
	await fs.rm(dir, { recursive: true, force: true })
})
beforeEach(async () => {
	platforms = await startFakePlatforms()
})
afterEach(async () => {
	await platforms.close()
})

type Printed = { to: string; status: string; platformId: string | null; attempts: number; error: null | { kind: string; message: string } }

function publish(args: string[], env: Record<string, string> = {}) {
	return new Promise<{ code: number; json: Printed | null; stdout: string; stderr: string }>((resolve) => {
		execFile(
			process.execPath,
			[studio, 'publish', ...args],
			{
				cwd: dir,
				env: {
					...process.env,
					FACEBOOK_GRAPH_URL: platforms.url,
					ZALO_OPENAPI_URL: platforms.url,
					ZALO_OAUTH_URL: platforms.url,
					TIKTOK_API_URL: platforms.url,
					PLATFORM_POLL_INTERVAL_MS: '50',
					...env,
				},
			},
			(error, stdout, stderr) => {
				const lines = stdout.trim().split('\n').filter(Boolean)
				resolve({
					code: error ? Number((error as { code?: number }).code ?? 1) : 0,
					json: lines.length ? (JSON.parse(lines.at(-1)!) as Printed) : null,
					stdout,
					stderr,
				})
			},
		)
	})
}

const reelArgs = ['--to', 'facebook-reel', '--account', '1234', '--token', 'page-token', '--file', 'reel.mp4', '--caption', 'Chè Shan tuyết Yên Bái 🍃']

test('a Reel goes through start, upload, finish and the status call, and the line says published', async () => {
	const result = await publish(reelArgs)
	expect(result.json).toEqual({ to: 'facebook-reel', status: 'published', platformId: expect.any(String), attempts: 1, error: null })
	expect(result.code).toBe(0)
	const reel = platforms.reels.get(result.json!.platformId!)!
	expect(reel.bytes.equals(video)).toBe(true)
	expect(reel.finished).toBe(1)
	expect(reel.description).toBe('Chè Shan tuyết Yên Bái 🍃')
	const upload = platforms.requests.find((r) => r.path.startsWith('/rupload/'))!
	expect(upload.headers.authorization).toBe('OAuth page-token')
	expect(upload.headers.offset).toBe('0')
	expect(upload.headers.file_size).toBe(String(video.length))
	expect(platforms.requests.every((r) => !r.path.startsWith('/v') || /^\/v24\.0\//.test(r.path))).toBe(true)
})

test('an expired Page token (error 190) fails at once as auth, without a retry', async () => {
	platforms.mishap(/video_reels/, { kind: 'expired-token' })
	const result = await publish(reelArgs)
	expect(result.code).toBe(1)
	expect(result.json).toMatchObject({ status: 'failed', attempts: 1, platformId: null, error: { kind: 'auth' } })
	expect(result.json!.error!.message).toMatch(/access token/i)
	expect(platforms.requests.filter((r) => r.path.endsWith('/video_reels'))).toHaveLength(1)
})

test('a 500 on the photo post is retried and the photo is posted once', async () => {
	platforms.mishap(/POST \/v24\.0\/1234\/photos/, { kind: 'server-error' })
	const result = await publish(['--to', 'facebook-photo', '--account', '1234', '--token', 'page-token', '--file', 'a.jpg', '--caption', 'Gạo J02'])
	expect(result.json).toMatchObject({ status: 'published', attempts: 2, error: null })
	expect(platforms.pagePosts).toHaveLength(1)
	expect(platforms.pagePosts[0]!.message).toBe('Gạo J02')
	expect(result.json!.platformId).toBe(platforms.pagePosts[0]!.id)
})

test('several photos make one multi-photo post: each uploaded unpublished, then attached', async () => {
	const result = await publish(['--to', 'facebook-photo', '--account', '1234', '--token', 'page-token', '--file', 'a.jpg', '--file', 'b.jpg', '--caption', 'Quế Văn Yên'])
	expect(result.json).toMatchObject({ status: 'published', attempts: 1 })
	expect(platforms.unpublishedPhotos.size).toBe(2)
	expect(platforms.pagePosts).toEqual([expect.objectContaining({ kind: 'feed', message: 'Quế Văn Yên', attached: [...platforms.unpublishedPhotos.keys()] })])
})

test('a feed video is one multipart post whose id comes back', async () => {
	const result = await publish(['--to', 'facebook-video', '--account', '1234', '--token', 'page-token', '--file', 'reel.mp4', '--caption', 'Miến dong', '--title', 'Miến dong Bắc Kạn'])
	expect(result.json).toMatchObject({ status: 'published', attempts: 1 })
	expect(platforms.pagePosts).toEqual([expect.objectContaining({ id: result.json!.platformId, kind: 'video', message: 'Miến dong', bytes: video.length })])
})

test('a rate limit with Retry-After is waited out, then the post goes through once', async () => {
	platforms.mishap(/inbox\/video\/init/, { kind: 'rate-limit', retryAfterSeconds: 1 })
	const result = await publish(['--to', 'tiktok-inbox', '--account', 'open-1', '--token', 'tiktok-token', '--file', 'reel.mp4', '--caption', 'x'])
	expect(result.json).toMatchObject({ status: 'published', attempts: 2, error: null })
	expect(platforms.tiktok.size).toBe(1)
})

test('a rate limit longer than a run may wait ends as rate_limit, not a blind retry loop', async () => {
	platforms.mishap(/inbox\/video\/init/, { kind: 'rate-limit', retryAfterSeconds: 3600 })
	const result = await publish(['--to', 'tiktok-inbox', '--account', 'open-1', '--token', 'tiktok-token', '--file', 'reel.mp4'])
	expect(result.code).toBe(1)
	expect(result.json).toMatchObject({ status: 'failed', attempts: 1, error: { kind: 'rate_limit' } })
})

test('a Reel whose finish times out after Facebook accepted it is checked, not sent again: published once', async () => {
	// The start answers; the finish is acted on and never answered.
	platforms.mishap(/POST \/v24\.0\/1234\/video_reels/, { kind: 'accept-then-hang' }, { skip: 1 })
	const result = await publish(reelArgs, { PLATFORM_REQUEST_TIMEOUT_MS: '1500' })
	expect(result.json).toMatchObject({ status: 'published', attempts: 1, error: null })
	expect(result.code).toBe(0)
	const reels = [...platforms.reels.values()]
	expect(reels).toHaveLength(1)
	expect(reels[0]!.finished).toBe(1)
})

test('a photo post that times out after Facebook took it is unconfirmed, never posted twice', async () => {
	platforms.mishap(/POST \/v24\.0\/1234\/photos/, { kind: 'accept-then-hang' })
	const result = await publish(['--to', 'facebook-photo', '--account', '1234', '--token', 'page-token', '--file', 'a.jpg'], { PLATFORM_REQUEST_TIMEOUT_MS: '1500' })
	expect(result.code).toBe(1)
	expect(result.json).toMatchObject({ status: 'unconfirmed', attempts: 1, error: { kind: 'unknown' } })
	expect(result.json!.error!.message).toMatch(/check the page before posting again/)
	expect(platforms.pagePosts).toHaveLength(1)
})

test('a Reel upload whose connection drops halfway resumes from the offset Facebook reports', async () => {
	platforms.mishap(/POST \/rupload\//, { kind: 'drop-halfway' })
	const result = await publish(reelArgs)
	expect(result.json).toMatchObject({ status: 'published', attempts: 2 })
	const reel = platforms.reels.get(result.json!.platformId!)!
	expect(reel.bytes.equals(video)).toBe(true)
	expect(platforms.reels.size).toBe(1)
	const resumed = platforms.requests.filter((r) => r.path.startsWith('/rupload/'))
	expect(resumed).toHaveLength(1)
	expect(Number(resumed[0]!.headers.offset)).toBe(Math.floor(video.length / 2))
})

test('TikTok inbox: chunks of the transfer rules, the last dropped halfway is sent again, one upload in the inbox', async () => {
	platforms.mishap(/PUT \/tiktok-upload\//, { kind: 'drop-halfway' }, { skip: 1 })
	const result = await publish(['--to', 'tiktok-inbox', '--account', 'open-1', '--token', 'tiktok-token', '--file', 'big.mp4'])
	expect(result.json).toMatchObject({ status: 'published', error: null })
	expect(platforms.tiktok.size).toBe(1)
	const [upload] = [...platforms.tiktok.values()]
	expect(upload!.complete).toBe(true)
	expect(upload!.bytes.equals(await fs.readFile(path.join(dir, 'big.mp4')))).toBe(true)
	const init = platforms.requests.find((r) => r.path === '/v2/post/publish/inbox/video/init/')!
	expect(init.headers.authorization).toBe('Bearer tiktok-token')
	expect(JSON.parse(init.body.toString()).source_info).toEqual({ source: 'FILE_UPLOAD', video_size: 21_000_000, chunk_size: 10_000_000, total_chunk_count: 2 })
	expect(platforms.requests.filter((r) => r.path.endsWith('/init/'))).toHaveLength(1)
})

test('TikTok direct: needs --privacy (usage, exit 2), refuses a level the creator does not offer, posts with interactions off', async () => {
	const base = ['--to', 'tiktok-direct', '--account', 'open-1', '--token', 'tiktok-token', '--file', 'reel.mp4', '--caption', 'Tinh dầu quế']
	const missing = await publish(base)
	expect(missing.code).toBe(2)
	expect(missing.stderr).toMatch(/--privacy/)
	expect(platforms.requests).toHaveLength(0)

	const wrong = await publish([...base, '--privacy', 'FOLLOWER_OF_CREATOR'])
	expect(wrong.code).toBe(1)
	expect(wrong.json).toMatchObject({ status: 'failed', error: { kind: 'invalid' } })
	expect(platforms.tiktok.size).toBe(0)

	const ok = await publish([...base, '--privacy', 'SELF_ONLY'])
	expect(ok.json).toMatchObject({ status: 'published', error: null })
	const init = platforms.requests.find((r) => r.path === '/v2/post/publish/video/init/')!
	expect(JSON.parse(init.body.toString()).post_info).toMatchObject({ title: 'Tinh dầu quế', privacy_level: 'SELF_ONLY', disable_comment: true, disable_duet: true, disable_stitch: true })
})

test('an expired TikTok token fails as auth', async () => {
	const result = await publish(['--to', 'tiktok-inbox', '--account', 'open-1', '--token', 'stale', '--file', 'reel.mp4'])
	expect(result.json).toMatchObject({ status: 'failed', attempts: 1, error: { kind: 'auth' } })
})

test('Zalo article: the video is uploaded and converted, the article created and its id resolved', async () => {
	const result = await publish(['--to', 'zalo-article', '--account', 'oa-1', '--token', 'zalo-token', '--file', 'reel.mp4', '--title', 'Chè Shan tuyết', '--caption', 'Vụ xuân 2026', '--cover-url', 'https://htx.example/cover.jpg'])
	expect(result.json).toMatchObject({ status: 'published', attempts: 1, error: null })
	expect(platforms.zaloArticles).toHaveLength(1)
	expect(result.json!.platformId).toBe(platforms.zaloArticles[0]!.id)
	expect(platforms.zaloArticles[0]!.body).toMatchObject({ type: 'video', title: 'Chè Shan tuyết', description: 'Vụ xuân 2026', avatar: 'https://htx.example/cover.jpg', status: 'show' })
	expect(platforms.requests.find((r) => r.path.endsWith('/preparevideo'))!.headers.access_token).toBe('zalo-token')
})

test('Zalo refuses an invalid token (-216) as auth; bad usage exits 2 without a request', async () => {
	const refused = await publish(['--to', 'zalo-article', '--account', 'oa-1', '--token', 'old', '--file', 'reel.mp4', '--title', 't'])
	expect(refused.json).toMatchObject({ status: 'failed', error: { kind: 'auth' } })
	const requestsSoFar = platforms.requests.length
	for (const args of [
		['--to', 'myspace', '--account', '1', '--token', 't', '--file', 'reel.mp4'],
		['--to', 'facebook-reel', '--token', 't', '--file', 'reel.mp4'],
		['--to', 'facebook-reel', '--account', '1', '--token', 't', '--file', 'missing.mp4'],
		['--to', 'facebook-reel', '--account', '1', '--token', 't', '--file', 'reel.mp4', '--file', 'a.jpg'],
	]) {
		const result = await publish(args)
		expect(result.code, args.join(' ')).toBe(2)
		expect(result.json).toBeNull()
	}
	expect(platforms.requests.length).toBe(requestsSoFar)
})
