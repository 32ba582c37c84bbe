import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { postFormSchema } from '~/publishing/post-schema.ts'
import {
	approvePost,
	confirmPostTarget,
	loadPost,
	markTargetPosted,
	recordTargetNumbers,
	retryPostTarget,
	savePost,
	sendBackPost,
	type Actor,
} from '~/publishing/posts.server.ts'
import { encryptSecret } from '~/utils/encryption.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'
import { addMember, createTestProduct, createUserWithCoop } from '../../prisma/factories.ts'
import { startFakePlatforms, type FakePlatforms } from '#tests/support/fake-platforms.ts'

// The composer's domain against a real SQLite file and real Redis: which
// delivery each channel gets, the platforms' caption limits, scheduling in the
// co-op's time zone, the approval step, a co-op's posts staying its own, and
// the person's moves on one target. TikTok's creator info comes from the
// local fake written from TikTok's documentation.

let fake: FakePlatforms
beforeAll(async () => {
	fake = await startFakePlatforms()
	process.env.TIKTOK_API_URL = fake.url
	process.env.ENCRYPTION_KEY = crypto.randomBytes(32).toString('base64')
	resetEnvForTests()
})
afterAll(async () => {
	await fake?.close()
	delete process.env.TIKTOK_API_URL
	delete process.env.ENCRYPTION_KEY
	resetEnvForTests()
})

async function world(options: { role?: 'owner' | 'editor'; timezone?: string } = {}) {
	const { user, coop } = await createUserWithCoop()
	if (options.timezone) await getDb().coop.update({ where: { id: coop.id }, data: { timezone: options.timezone } })
	const owner: Actor = { coopId: coop.id, userId: user.id, role: 'owner' }
	return { coop, owner }
}

async function readyRender(coopId: string, format = 'tiktok-reels') {
	const edit = await getDb().edit.create({ data: { coopId, title: 'Chè búp mùa xuân', spec: '{}' } })
	return getDb().render.create({
		data: { coopId, editId: edit.id, format, quality: 'final', status: 'ready', spec: '{}', cacheKey: crypto.randomUUID(), outputKey: `coops/${coopId}/renders/x.mp4` },
	})
}

async function readyPhotoSet(coopId: string) {
	const outputs = [1, 2].flatMap((position) =>
		['portrait', 'square'].flatMap((format) =>
			['facebook', 'zalo'].map((variant) => ({ position, mediaId: 'm', format, variant, key: `coops/${coopId}/photo/${position}-${format}-${variant}.jpg`, width: 1080, height: 1350, bytes: 1 })),
		),
	)
	return getDb().photoPostRender.create({ data: { coopId, title: 'Hộp chè', spec: '{}', status: 'ready', outputs: JSON.stringify(outputs) } })
}

async function channel(coopId: string, platform: string, extra: Record<string, unknown> = {}) {
	return getDb().channel.create({
		data: { coopId, platform, name: `${platform} ${crypto.randomUUID().slice(0, 4)}`, externalId: platform === 'manual' ? null : crypto.randomUUID(), ...extra },
	})
}

function form(fields: Record<string, unknown>) {
	return postFormSchema.parse({ caption: 'Chè Shan tuyết mới hái', hashtags: '#chè', when: 'draft', ...fields })
}

async function targetsOf(postId: string) {
	return getDb().postTarget.findMany({ where: { postId }, include: { channel: true }, orderBy: { createdAt: 'asc' } })
}

describe('target kinds', () => {
	test('a 9:16 video is a Reel on a Page, an article on Zalo, an inbox upload on TikTok, a package on a manual channel', async () => {
		const { coop, owner } = await world()
		const render = await readyRender(coop.id, 'tiktok-reels')
		const channels = await Promise.all(['facebook_page', 'zalo_oa', 'tiktok', 'manual'].map((platform) => channel(coop.id, platform)))
		const saved = await savePost(owner, form({ renderId: render.id, channelIds: channels.map((c) => c.id) }))
		expect(saved).toMatchObject({ ok: true, outcome: 'draft' })
		const kinds = Object.fromEntries((await targetsOf((saved as { postId: string }).postId)).map((t) => [t.channel.platform, t.kind]))
		expect(kinds).toEqual({ facebook_page: 'facebook-reel', zalo_oa: 'zalo-article', tiktok: 'tiktok-inbox', manual: 'manual' })
	})

	test('a landscape video is a feed video on a Page; a photo set is a photo post, and TikTok cannot take it', async () => {
		const { coop, owner } = await world()
		const page = await channel(coop.id, 'facebook_page')
		const landscape = await readyRender(coop.id, 'landscape')
		const video = await savePost(owner, form({ renderId: landscape.id, channelIds: [page.id] }))
		expect((await targetsOf((video as { postId: string }).postId))[0]!.kind).toBe('facebook-video')

		const photos = await readyPhotoSet(coop.id)
		const photoPost = await savePost(owner, form({ photoPostId: photos.id, channelIds: [page.id] }))
		expect((await targetsOf((photoPost as { postId: string }).postId))[0]!.kind).toBe('facebook-photo')
		// The package is the set's Facebook-sized pictures of one format, in order.
		const loaded = await loadPost(coop.id, (photoPost as { postId: string }).postId)
		expect(loaded.files.map((f) => f.name)).toEqual(['Hộp chè 1.jpg', 'Hộp chè 2.jpg'])

		const tiktok = await channel(coop.id, 'tiktok')
		const refused = await savePost(owner, form({ photoPostId: photos.id, channelIds: [page.id, tiktok.id] }))
		expect(refused).toEqual({ ok: false, problems: [{ key: 'posts:errors.kindUnsupported', values: { channel: tiktok.name } }] })
	})

	test('a channel that needs reconnecting cannot be chosen', async () => {
		const { coop, owner } = await world()
		const render = await readyRender(coop.id)
		const page = await channel(coop.id, 'facebook_page', { state: 'needs_reconnect' })
		expect(await savePost(owner, form({ renderId: render.id, channelIds: [page.id] }))).toEqual({
			ok: false,
			problems: [{ key: 'posts:errors.channelNeedsReconnect', values: { channel: page.name } }],
		})
	})
})

describe('captions', () => {
	test("each channel gets the caption, hashtags and its own tracked link to the product's page; an override over TikTok's limit is refused", async () => {
		const { coop, owner } = await world()
		const product = await createTestProduct(coop.id, { facebookUrl: 'https://www.facebook.com/htx/posts/1', shopeeUrl: 'https://shopee.vn/che-1' } as never)
		const render = await readyRender(coop.id)
		const page = await channel(coop.id, 'facebook_page')
		const tiktok = await channel(coop.id, 'tiktok')
		const zalo = await channel(coop.id, 'zalo_oa')
		const saved = await savePost(owner, form({ renderId: render.id, productId: product.id, channelIds: [page.id, tiktok.id, zalo.id], hashtags: 'chè ocop' }), {
			origin: 'https://coop.example',
		})
		expect(saved.ok).toBe(true)
		const postId = (saved as { postId: string }).postId
		const targets = await targetsOf(postId)
		const links = await getDb().trackedLink.findMany({ where: { postId } })
		expect(links).toHaveLength(3)
		expect(new Set(links.map((link) => link.slug)).size).toBe(3)
		for (const target of targets) {
			const link = links.find((candidate) => candidate.postTargetId === target.id)!
			expect(link).toMatchObject({ coopId: coop.id, kind: 'target', destination: 'product-page', productId: product.id, renderId: render.id, utmMedium: 'social', utmContent: link.slug })
			expect(target.caption).toBe(`Chè Shan tuyết mới hái\n\n#chè #ocop\n👉 https://coop.example/l/${link.slug}`)
			expect(JSON.parse(target.options)).toMatchObject({ link: `https://coop.example/l/${link.slug}` })
		}
		expect(links.find((link) => link.postTargetId === targets.find((t) => t.channelId === page.id)!.id)!.utmSource).toBe('facebook')
		expect(links.find((link) => link.postTargetId === targets.find((t) => t.channelId === zalo.id)!.id)!.utmSource).toBe('zalo')
		// The post keeps the product's own address; the render the post carries is not touched.
		const publicSlug = (await getDb().product.findUniqueOrThrow({ where: { id: product.id } })).publicSlug
		expect((await getDb().post.findUniqueOrThrow({ where: { id: postId } })).link).toBe(`https://coop.example/p/${publicSlug}`)
		expect(await getDb().render.findUniqueOrThrow({ where: { id: render.id } })).toEqual(render)

		const tooLong = 'Chè '.repeat(600)
		const refused = await savePost(owner, form({ renderId: render.id, channelIds: [page.id, tiktok.id], overrides: { [tiktok.id]: tooLong } }))
		expect(refused).toEqual({
			ok: false,
			problems: [{ key: 'posts:errors.captionTooLongFor', values: { channel: tiktok.name, max: 2200, over: tooLong.trim().length - 2200 } }],
		})
		// Zalo's limit is only advice (unconfirmed): a long text there is saved.
		const zaloLong = await savePost(owner, form({ renderId: render.id, channelIds: [zalo.id], overrides: { [zalo.id]: 'Chè '.repeat(100) } }))
		expect(zaloLong.ok).toBe(true)
		const override = (await targetsOf((zaloLong as { postId: string }).postId))[0]!
		expect(override.caption).toBe('Chè '.repeat(100).trim())
		expect(JSON.parse(override.options)).toMatchObject({ overridden: true })
	})
})

describe('TikTok direct posts', () => {
	test("the privacy is the person's choice among the creator's options, with consent; interactions stay off unless turned on", async () => {
		const { coop, owner } = await world()
		const render = await readyRender(coop.id)
		const tiktok = await channel(coop.id, 'tiktok', { directPost: true, accessToken: encryptSecret('tiktok-token') })
		const base = { renderId: render.id, channelIds: [tiktok.id] }

		expect(await savePost(owner, form({ ...base, tiktok: { consent: 'on' } }))).toEqual({ ok: false, problems: [{ key: 'posts:errors.tiktokPrivacy' }] })
		expect(await savePost(owner, form({ ...base, tiktok: { privacy: 'SELF_ONLY' } }))).toEqual({ ok: false, problems: [{ key: 'posts:errors.tiktokConsent' }] })
		// Not one of this creator's options (the fake's creator offers no followers-only).
		expect(await savePost(owner, form({ ...base, tiktok: { privacy: 'FOLLOWER_OF_CREATOR', consent: 'on' } }))).toEqual({
			ok: false,
			problems: [{ key: 'posts:errors.tiktokPrivacy' }],
		})

		const saved = await savePost(owner, form({ ...base, tiktok: { privacy: 'MUTUAL_FOLLOW_FRIENDS', consent: 'on', allowDuet: 'on' } }))
		expect(saved.ok).toBe(true)
		const [target] = await targetsOf((saved as { postId: string }).postId)
		expect(target!.kind).toBe('tiktok-direct')
		expect(target!.privacy).toBe('MUTUAL_FOLLOW_FRIENDS')
		expect(JSON.parse(target!.options).tiktok).toEqual({
			allowComment: false,
			allowDuet: true,
			allowStitch: false,
			discloseCommercial: false,
			yourBrand: false,
			brandedContent: false,
			consent: true,
			creatorNickname: 'HTX Chè Shan Tuyết',
		})
	})
})

describe('scheduling', () => {
	test("a time is read in the co-op's zone; a target due soon is on the queue, a later one waits for the reconciler", async () => {
		const { coop, owner } = await world({ timezone: 'Asia/Tokyo' })
		const render = await readyRender(coop.id)
		const page = await channel(coop.id, 'facebook_page')
		const now = new Date('2030-03-01T00:00:00Z')
		const later = await savePost(owner, form({ renderId: render.id, channelIds: [page.id], when: 'schedule', day: '2030-03-02', time: '08:30' }), { now })
		expect(later).toMatchObject({ ok: true, outcome: 'scheduled' })
		const [scheduled] = await targetsOf((later as { postId: string }).postId)
		expect(scheduled!.state).toBe('scheduled')
		// 08:30 in Tokyo is 23:30 UTC the day before.
		expect(scheduled!.dueAt?.toISOString()).toBe('2030-03-01T23:30:00.000Z')
		expect(await getQueue(QUEUES.publish).getJob(jobIds.publish(scheduled!.id, 1))).toBeUndefined()

		const soon = await savePost(owner, form({ renderId: render.id, channelIds: [page.id], when: 'now' }))
		const [due] = await targetsOf((soon as { postId: string }).postId)
		expect(due!.state).toBe('scheduled')
		const job = await getQueue(QUEUES.publish).getJob(jobIds.publish(due!.id, 1))
		expect(job?.data).toEqual({ targetId: due!.id })

		const past = await savePost(owner, form({ renderId: render.id, channelIds: [page.id], when: 'schedule', day: '2030-02-28', time: '08:30' }), { now })
		expect(past).toEqual({ ok: false, problems: [{ key: 'posts:errors.whenPast' }] })
	})

	test("without a public page, a channel's link goes to the listing that suits it; a draft saved again keeps its addresses", async () => {
		const { coop, owner } = await world()
		const product = await createTestProduct(coop.id, { facebookUrl: 'https://www.facebook.com/htx/posts/1', shopeeUrl: 'https://shopee.vn/che-1' } as never)
		await getDb().product.update({ where: { id: product.id }, data: { publicPage: false } })
		const render = await readyRender(coop.id)
		const page = await channel(coop.id, 'facebook_page')
		const tiktok = await channel(coop.id, 'tiktok')
		const saved = await savePost(owner, form({ renderId: render.id, productId: product.id, channelIds: [page.id, tiktok.id] }), { origin: 'https://coop.example' })
		const postId = (saved as { postId: string }).postId
		const first = await getDb().trackedLink.findMany({ where: { postId }, orderBy: { slug: 'asc' } })
		const destinationOf = async (channelId: string) => {
			const target = (await targetsOf(postId)).find((t) => t.channelId === channelId)!
			return (await getDb().trackedLink.findUniqueOrThrow({ where: { postTargetId: target.id } })).destination
		}
		expect(await destinationOf(page.id)).toBe('facebook')
		expect(await destinationOf(tiktok.id)).toBe('shopee')

		const again = await savePost(owner, form({ renderId: render.id, productId: product.id, channelIds: [page.id, tiktok.id], caption: 'Chè mới' }), { postId, origin: 'https://coop.example' })
		expect(again.ok).toBe(true)
		const second = await getDb().trackedLink.findMany({ where: { postId }, orderBy: { slug: 'asc' } })
		expect(second.map((link) => link.slug)).toEqual(first.map((link) => link.slug))
		for (const target of await targetsOf(postId)) {
			const link = second.find((candidate) => candidate.postTargetId === target.id)!
			expect(target.caption).toBe(`Chè mới\n\n#chè\n👉 https://coop.example/l/${link.slug}`)
		}
	})

	test('a post without a product carries no link', async () => {
		const { coop, owner } = await world()
		const render = await readyRender(coop.id)
		const page = await channel(coop.id, 'facebook_page')
		const saved = await savePost(owner, form({ renderId: render.id, channelIds: [page.id] }))
		const postId = (saved as { postId: string }).postId
		expect(await getDb().trackedLink.count({ where: { postId } })).toBe(0)
		expect((await targetsOf(postId))[0]!.caption).toBe('Chè Shan tuyết mới hái\n\n#chè')
	})

	test('a scheduled post cannot be saved over', async () => {
		const { coop, owner } = await world()
		const render = await readyRender(coop.id)
		const page = await channel(coop.id, 'facebook_page')
		const saved = await savePost(owner, form({ renderId: render.id, channelIds: [page.id], when: 'schedule', day: '2099-01-01', time: '09:00' }))
		const again = await savePost(owner, form({ renderId: render.id, channelIds: [page.id], caption: 'Khác' }), { postId: (saved as { postId: string }).postId })
		expect(again).toEqual({ ok: false, problems: [{ key: 'posts:errors.postLocked' }] })
	})
})

describe('approval', () => {
	test("an editor's post waits for an owner, who sends it back with a comment, then approves it", async () => {
		const { coop, owner } = await world()
		await getDb().coop.update({ where: { id: coop.id }, data: { postApproval: true } })
		const second = await addMember(coop.id, { role: 'owner' })
		const { user: editorUser } = await addMember(coop.id, { role: 'editor' })
		const editor: Actor = { coopId: coop.id, userId: editorUser.id, role: 'editor' }
		const render = await readyRender(coop.id)
		const page = await channel(coop.id, 'facebook_page')
		const scheduleFields = { renderId: render.id, channelIds: [page.id], when: 'schedule', day: '2099-05-01', time: '07:00' }

		const asked = await savePost(editor, form(scheduleFields))
		expect(asked).toMatchObject({ ok: true, outcome: 'pending' })
		const postId = (asked as { postId: string }).postId
		expect((await targetsOf(postId)).map((t) => t.state)).toEqual(['draft'])
		const askedOwners = await getDb().notification.findMany({ where: { coopId: coop.id, kind: 'post.approval_requested' } })
		expect(askedOwners.map((n) => n.userId).sort()).toEqual([owner.userId, second.user.id].sort())
		expect(askedOwners[0]!.href).toBe(`/posts/${postId}`)

		// An editor cannot approve (not even their own).
		await expect(approvePost(editor, postId)).rejects.toMatchObject({ status: 403 })

		expect(await sendBackPost(owner, postId, 'Thêm giá vào nhé')).toBe(true)
		expect(await getDb().post.findUniqueOrThrow({ where: { id: postId } })).toMatchObject({ approvalState: 'changes_requested', approvalComment: 'Thêm giá vào nhé' })
		const sentBack = await getDb().notification.findMany({ where: { userId: editorUser.id, kind: 'post.sent_back' } })
		expect(JSON.parse(sentBack[0]!.params)).toEqual({ comment: 'Thêm giá vào nhé' })
		expect((await targetsOf(postId)).map((t) => t.state)).toEqual(['draft'])
		// Approving what is no longer waiting does nothing.
		expect(await approvePost(owner, postId)).toBe(false)

		const resent = await savePost(editor, form({ ...scheduleFields, caption: 'Chè Shan tuyết, 280.000đ' }), { postId })
		expect(resent).toMatchObject({ ok: true, outcome: 'pending' })
		expect(await approvePost(owner, postId)).toBe(true)
		const [target] = await targetsOf(postId)
		expect(target!.state).toBe('scheduled')
		expect(target!.dueAt?.toISOString()).toBe('2099-05-01T00:00:00.000Z')
		expect(await getDb().notification.count({ where: { userId: editorUser.id, kind: 'post.approved' } })).toBe(1)
	})

	test("an owner's own post needs no approval; an editor's draft does not ask for it", async () => {
		const { coop, owner } = await world()
		await getDb().coop.update({ where: { id: coop.id }, data: { postApproval: true } })
		const { user } = await addMember(coop.id, { role: 'editor' })
		const render = await readyRender(coop.id)
		const page = await channel(coop.id, 'facebook_page')
		expect(await savePost(owner, form({ renderId: render.id, channelIds: [page.id], when: 'schedule', day: '2099-05-01', time: '07:00' }))).toMatchObject({ outcome: 'scheduled' })
		expect(await savePost({ coopId: coop.id, userId: user.id, role: 'editor' }, form({ renderId: render.id, channelIds: [page.id] }))).toMatchObject({ outcome: 'draft' })
		expect(await getDb().notification.count({ where: { coopId: coop.id } })).toBe(0)
	})
})

describe('co-op isolation', () => {
	test("another co-op's post, render, photo set and channel are not found", async () => {
		const mine = await world()
		const theirs = await world()
		const render = await readyRender(mine.coop.id)
		const photos = await readyPhotoSet(mine.coop.id)
		const page = await channel(mine.coop.id, 'facebook_page')
		const saved = await savePost(mine.owner, form({ renderId: render.id, channelIds: [page.id] }))
		const postId = (saved as { postId: string }).postId

		await expect(loadPost(theirs.coop.id, postId)).rejects.toMatchObject({ status: 404 })
		const theirPage = await channel(theirs.coop.id, 'facebook_page')
		expect(await savePost(theirs.owner, form({ renderId: render.id, channelIds: [theirPage.id] }))).toEqual({ ok: false, problems: [{ key: 'posts:errors.mediaUnavailable' }] })
		expect(await savePost(theirs.owner, form({ photoPostId: photos.id, channelIds: [theirPage.id] }))).toEqual({ ok: false, problems: [{ key: 'posts:errors.mediaUnavailable' }] })
		const theirRender = await readyRender(theirs.coop.id)
		expect(await savePost(theirs.owner, form({ renderId: theirRender.id, channelIds: [page.id] }))).toEqual({ ok: false, problems: [{ key: 'posts:errors.channelUnavailable' }] })
		const [target] = await targetsOf(postId)
		await expect(markTargetPosted(theirs.coop.id, postId, target!.id, theirs.owner.userId, null)).rejects.toMatchObject({ status: 404 })
		await expect(approvePost(theirs.owner, postId)).rejects.toMatchObject({ status: 404 })
	})
})

describe("the person's moves on one target", () => {
	test('retry sends one failed channel again and leaves the published one alone', async () => {
		const { coop, owner } = await world()
		const render = await readyRender(coop.id)
		const page = await channel(coop.id, 'facebook_page')
		const zalo = await channel(coop.id, 'zalo_oa')
		const saved = await savePost(owner, form({ renderId: render.id, channelIds: [page.id, zalo.id], when: 'schedule', day: '2099-01-01', time: '09:00' }))
		const postId = (saved as { postId: string }).postId
		const [facebook, zaloTarget] = await targetsOf(postId)
		await getDb().postTarget.update({ where: { id: facebook!.id }, data: { state: 'published', platformId: 'p1' } })
		await getDb().postTarget.update({ where: { id: zaloTarget!.id }, data: { state: 'failed', runs: 1 } })
		expect((await loadPost(coop.id, postId)).summary).toBe('partly_published')

		expect(await retryPostTarget(coop.id, postId, facebook!.id)).toEqual({ ok: false, problem: 'posts:errors.notRetryable' })
		expect(await retryPostTarget(coop.id, postId, zaloTarget!.id)).toEqual({ ok: true })
		const after = await targetsOf(postId)
		expect(after.map((t) => t.state)).toEqual(['published', 'scheduled'])
		// A person's retry starts a fresh count of runs (decision 156): run 1's job is owed again.
		expect(after[1]!.runs).toBe(0)
		expect(await getQueue(QUEUES.publish).getJob(jobIds.publish(zaloTarget!.id, 1))).toBeDefined()
	})

	test('an unconfirmed target the person found becomes published; a manual one is marked posted with its address', async () => {
		const { coop, owner } = await world()
		const render = await readyRender(coop.id)
		const page = await channel(coop.id, 'facebook_page')
		const group = await channel(coop.id, 'manual', { manualKind: 'zalo_group' })
		const saved = await savePost(owner, form({ renderId: render.id, channelIds: [page.id, group.id], when: 'schedule', day: '2099-01-01', time: '09:00' }))
		const postId = (saved as { postId: string }).postId
		const [facebook, manual] = await targetsOf(postId)

		await getDb().postTarget.update({ where: { id: facebook!.id }, data: { state: 'unconfirmed' } })
		expect(await confirmPostTarget(coop.id, postId, facebook!.id, { found: true, postUrl: 'https://facebook.com/p/1' })).toEqual({ ok: true })
		expect(await getDb().postTarget.findUniqueOrThrow({ where: { id: facebook!.id } })).toMatchObject({ state: 'published', postUrl: 'https://facebook.com/p/1' })

		expect(await markTargetPosted(coop.id, postId, facebook!.id, owner.userId, null)).toEqual({ ok: false, problem: 'posts:errors.notManual' })
		expect(await markTargetPosted(coop.id, postId, manual!.id, owner.userId, 'https://zalo.me/g/abc')).toEqual({ ok: true })
		expect(await getDb().postTarget.findUniqueOrThrow({ where: { id: manual!.id } })).toMatchObject({
			state: 'published',
			postUrl: 'https://zalo.me/g/abc',
			markedById: owner.userId,
		})
		expect((await loadPost(coop.id, postId)).summary).toBe('published')
		// Marking twice does not publish twice.
		expect(await markTargetPosted(coop.id, postId, manual!.id, owner.userId, null)).toEqual({ ok: false, problem: 'posts:errors.notPostable' })
	})

	test("numbers typed in for a published manual channel are kept as a snapshot; not before it is published", async () => {
		const { coop, owner } = await world()
		const render = await readyRender(coop.id)
		const group = await channel(coop.id, 'manual', { manualKind: 'facebook_group' })
		const saved = await savePost(owner, form({ renderId: render.id, channelIds: [group.id], when: 'schedule', day: '2099-01-01', time: '09:00' }))
		const postId = (saved as { postId: string }).postId
		const [target] = await targetsOf(postId)
		const numbers = { views: 120, likes: 14, comments: 3, shares: null }
		expect(await recordTargetNumbers(coop.id, postId, target!.id, owner.userId, numbers)).toEqual({ ok: false, problem: 'posts:errors.notPublished' })
		await markTargetPosted(coop.id, postId, target!.id, owner.userId, null)
		expect(await recordTargetNumbers(coop.id, postId, target!.id, owner.userId, numbers)).toEqual({ ok: true })
		const snapshots = (await loadPost(coop.id, postId)).targets[0]!.snapshots
		expect(snapshots).toEqual([expect.objectContaining({ views: 120, likes: 14, comments: 3, shares: null, source: 'manual' })])
		const other = await world()
		await expect(recordTargetNumbers(other.coop.id, postId, target!.id, other.owner.userId, numbers)).rejects.toMatchObject({ status: 404 })
	})
})
