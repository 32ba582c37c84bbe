import { afterEach, beforeEach, expect, test } from 'vitest'
import { fetchLiveComments, listPageLiveVideos, liveVideoStatus, parseGraphTime, type LiveGraphSettings } from '~/live/platform/facebook-live.ts'
import { PlatformError } from '~/publishing/platform/errors.ts'
import { startFakeGraphLive, type FakeGraphLive } from '#tests/support/fake-graph-live.ts'

// The live comments client against a local Graph API written from the
// documentation: the query it sends, paging.next, since, the rate limit,
// an expired token, a missing permission, a 500, a timeout, a live that ends.

let graph: FakeGraphLive
let settings: LiveGraphSettings
const t0 = Date.parse('2026-12-07T12:00:00Z')
const lan = { id: 'u-lan', name: 'Lan Nguyễn' }

beforeEach(async () => {
	graph = await startFakeGraphLive()
	graph.addLive('777', { pageId: '1234', title: 'Chè Shan tuyết, live tối', createdMs: t0 })
	settings = { facebookGraphUrl: graph.url, facebookGraphVersion: 'v24.0', requestTimeoutMs: 1500 }
})
afterEach(() => graph.close())

test('asks for every comment in order with the documented fields, and follows paging.next to the end', async () => {
	graph.pageSize = 2
	for (let i = 0; i < 5; i++) graph.comment('777', `chốt A${i}`, lan, t0 + i * 1000)
	const page = await fetchLiveComments(settings, { liveVideoId: '777', token: 'page-token' })
	expect(page.comments.map((c) => c.message)).toEqual(['chốt A0', 'chốt A1', 'chốt A2', 'chốt A3', 'chốt A4'])
	expect(page.comments[0]).toEqual({ id: '777_1', message: 'chốt A0', authorId: 'u-lan', authorName: 'Lan Nguyễn', createdAt: new Date(t0) })
	expect(graph.requests).toHaveLength(3)
	const first = graph.requests[0]!
	expect(first.path).toBe('/v24.0/777/comments')
	expect(Object.fromEntries(first.query)).toMatchObject({ live_filter: 'no_filter', order: 'chronological', fields: 'id,message,from{id,name},created_time', access_token: 'page-token' })
	expect(first.query.has('since')).toBe(false)
	expect(graph.requests[2]!.query.get('after')).toBeTruthy()
})

test('since (unix seconds) leaves out what was already read; a comment without `from` has no author id', async () => {
	graph.comment('777', 'cũ', lan, t0)
	graph.comment('777', 'mới', undefined, t0 + 5000)
	const page = await fetchLiveComments(settings, { liveVideoId: '777', token: 'page-token', since: (t0 + 5000) / 1000 })
	expect(graph.requests[0]!.query.get('since')).toBe(String((t0 + 5000) / 1000))
	expect(page.comments).toEqual([{ id: '777_2', message: 'mới', authorId: null, authorName: '', createdAt: new Date(t0 + 5000) }])
})

test('the usage headers come back as a percentage for pacing', async () => {
	graph.usagePercent = 82
	expect((await fetchLiveComments(settings, { liveVideoId: '777', token: 'page-token' })).usagePercent).toBe(82)
})

test('a rate limit is rate_limit, waiting as long as the business use case header says', async () => {
	graph.mishap(/comments$/, { kind: 'rate-limit', code: 32, regainMinutes: 2 })
	const error = await fetchLiveComments(settings, { liveVideoId: '777', token: 'page-token' }).catch((e: unknown) => e)
	expect(error).toBeInstanceOf(PlatformError)
	expect(error).toMatchObject({ kind: 'rate_limit', platformCode: '32', retryAfterMs: 120_000 })
	for (const code of [4, 17, 613] as const) {
		graph.mishap(/comments$/, { kind: 'rate-limit', code })
		await expect(fetchLiveComments(settings, { liveVideoId: '777', token: 'page-token' })).rejects.toMatchObject({ kind: 'rate_limit', platformCode: String(code) })
	}
})

test('an expired token and a missing permission are auth errors with their Graph codes', async () => {
	graph.mishap(/comments$/, { kind: 'expired-token' })
	await expect(fetchLiveComments(settings, { liveVideoId: '777', token: 'page-token' })).rejects.toMatchObject({ kind: 'auth', platformCode: '190' })
	await expect(fetchLiveComments(settings, { liveVideoId: '777', token: 'not-a-token' })).rejects.toMatchObject({ kind: 'auth', platformCode: '190' })
	graph.mishap(/comments$/, { kind: 'permission', code: 10 })
	await expect(fetchLiveComments(settings, { liveVideoId: '777', token: 'page-token' })).rejects.toMatchObject({ kind: 'auth', platformCode: '10' })
	graph.mishap(/comments$/, { kind: 'permission', code: 200 })
	await expect(fetchLiveComments(settings, { liveVideoId: '777', token: 'page-token' })).rejects.toMatchObject({ kind: 'auth', platformCode: '200' })
})

test('a 500 and no answer are transient; an unknown live video is invalid', async () => {
	graph.mishap(/comments$/, { kind: 'server-error' })
	await expect(fetchLiveComments(settings, { liveVideoId: '777', token: 'page-token' })).rejects.toMatchObject({ kind: 'transient' })
	graph.mishap(/comments$/, { kind: 'hang' })
	const hung = (await fetchLiveComments(settings, { liveVideoId: '777', token: 'page-token' }).catch((e: PlatformError) => e)) as PlatformError
	expect(hung).toMatchObject({ kind: 'transient', ambiguous: false })
	expect(hung.message).toMatch(/did not answer/)
	await expect(fetchLiveComments(settings, { liveVideoId: '999', token: 'page-token' })).rejects.toMatchObject({ kind: 'invalid', platformCode: '100' })
})

test('a live that ends: LIVE, then VOD is over', async () => {
	expect(await liveVideoStatus(settings, { liveVideoId: '777', token: 'page-token' })).toMatchObject({ status: 'LIVE', ended: false })
	graph.end('777')
	expect(await liveVideoStatus(settings, { liveVideoId: '777', token: 'page-token' })).toMatchObject({ status: 'VOD', ended: true })
})

test("the Page's live videos, newest first, for the run sheet's chooser", async () => {
	graph.addLive('778', { pageId: '1234', title: 'Miến dong', status: 'SCHEDULED_UNPUBLISHED', createdMs: t0 + 60_000 })
	graph.addLive('900', { pageId: '5678', title: 'Another Page' })
	expect(await listPageLiveVideos(settings, { pageId: '1234', token: 'page-token' })).toEqual([
		{ id: '778', title: 'Miến dong', status: 'SCHEDULED_UNPUBLISHED', createdAt: new Date(t0 + 60_000) },
		{ id: '777', title: 'Chè Shan tuyết, live tối', status: 'LIVE', createdAt: new Date(t0) },
	])
	expect(graph.requests.at(-1)!.query.get('fields')).toBe('id,title,status,creation_time')
})

test("Graph's time format is read with its colon-less offset", () => {
	expect(parseGraphTime('2026-12-07T05:00:00+0000')).toEqual(new Date('2026-12-07T05:00:00Z'))
	expect(parseGraphTime('2026-12-07T12:00:00+0700')).toEqual(new Date('2026-12-07T05:00:00Z'))
	expect(parseGraphTime('yesterday')).toBeNull()
	expect(parseGraphTime(42)).toBeNull()
})
