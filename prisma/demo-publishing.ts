import { addDays } from 'date-fns'
import { instantToLocal, localToInstant } from '~/utils/coop-time.ts'
import { getDb } from '~/utils/db.server.ts'
import { EncryptionKeyMissingError, encryptSecret } from '~/utils/encryption.server.ts'
import { createChannel, createPost, createTarget } from './factories.ts'

// The demo co-op's publishing (issue 11): channels of every kind, posts in
// every state a person meets (published with numbers over time, scheduled
// this week and next, partly published with one failed channel, one waiting
// for its hand-off) and the notifications those would have sent.
//
// The Facebook Page, Zalo OA and TikTok channels are demo channels: their
// tokens are encrypted like real ones but point nowhere, so they are shown
// as needing a reconnect (any platform would reject the token: "token_rejected"),
// their names say "demo", and nothing is ever sent with them.
// The posts have no video attached: the seed makes no render (its clips are
// processed by the worker afterwards), and a render row needs a real file.

const HOUR = 3_600_000

/** Adds the demo publishing data once; returns false when the co-op already has channels. */
export async function seedPublishingDemo({ coopId, userId, productIds, now = new Date() }: { coopId: string; userId: string; productIds: string[]; now?: Date }) {
	const db = getDb()
	if ((await db.channel.count({ where: { coopId } })) > 0) return false
	const { timezone } = await db.coop.findUniqueOrThrow({ where: { id: coopId }, select: { timezone: true } })

	const demoToken = (name: string) => {
		try {
			return encryptSecret(`demo-${name}-token-points-nowhere`)
		} catch (error) {
			if (error instanceof EncryptionKeyMissingError) return null
			throw error
		}
	}
	const apiChannel = async (platform: 'facebook_page' | 'zalo_oa' | 'tiktok', name: string, externalId: string) => {
		const channel = await createChannel(coopId, { platform, name, externalId, accessToken: null, state: 'needs_reconnect', stateReason: 'token_rejected' })
		return db.channel.update({ where: { id: channel.id }, data: { accessToken: demoToken(platform), connectedById: userId } })
	}
	const page = await apiChannel('facebook_page', 'Trang demo: HTX Chè Shan Tuyết Suối Giàng', 'demo-facebook-page')
	const oa = await apiChannel('zalo_oa', 'Zalo OA demo: Chè Suối Giàng', 'demo-zalo-oa')
	const tiktok = await apiChannel('tiktok', 'TikTok demo: @chesuoigiang', 'demo-tiktok')
	const group = await createChannel(coopId, { platform: 'manual', manualKind: 'zalo_group', name: 'Nhóm Zalo khách quen', address: 'https://zalo.me/g/demo-khach-quen' })
	const personal = await createChannel(coopId, { platform: 'manual', manualKind: 'facebook_group', name: 'Nhóm Facebook Đặc sản Yên Bái', address: 'https://www.facebook.com/groups/demo-dac-san-yen-bai' })

	const at = (hoursFromNow: number) => new Date(now.getTime() + hoursFromNow * HOUR)
	/** A local wall-clock time `days` from today in the co-op's zone. */
	const local = (days: number, time: string) => localToInstant(instantToLocal(addDays(now, days), timezone).day, time, timezone)!
	const post = (caption: string, productId: string | undefined, link: string | null = null) =>
		createPost(coopId, { caption, productId: productId ?? null, link, createdById: userId })

	// 1. Out ten days ago on three channels, with numbers read over time.
	const tea = await post('Chè Shan tuyết Suối Giàng vụ xuân: búp non hái sáng sớm trên độ cao 1.400 m, sao tay bằng chảo gang 🍃', productIds[0], 'https://zalo.me/0912345678')
	const published = at(-240)
	const teaReel = await createTarget(tea, page, { kind: 'facebook-reel', state: 'published', platformId: 'demo-reel-1', publishedAt: published, postUrl: 'https://www.facebook.com/reel/demo' })
	const teaTikTok = await createTarget(tea, tiktok, { kind: 'tiktok-direct', state: 'published', platformId: 'demo-publish-1', publishedAt: published })
	const teaGroup = await createTarget(tea, group, { kind: 'manual', state: 'published', publishedAt: at(-238) })
	await db.postTarget.update({ where: { id: teaGroup.id }, data: { markedById: userId } })
	const readings = [1, 6, 24, 72, 168]
	const grow = (hours: number, base: number) => Math.round(base * Math.log2(2 + hours))
	await db.engagementSnapshot.createMany({
		data: [
			...readings.map((h) => ({ targetId: teaReel.id, coopId, takenAt: new Date(published.getTime() + h * HOUR), views: grow(h, 310), likes: grow(h, 24), comments: grow(h, 3), shares: grow(h, 2) })),
			...readings.map((h) => ({ targetId: teaTikTok.id, coopId, takenAt: new Date(published.getTime() + h * HOUR), views: grow(h, 820), likes: grow(h, 61), comments: grow(h, 5), shares: grow(h, 7) })),
			{ targetId: teaGroup.id, coopId, takenAt: at(-190), views: 140, likes: 22, comments: 9, shares: null, source: 'manual', enteredById: userId },
		],
	})

	// 2. Partly published two days ago: the Page has it, TikTok refused it.
	const rice = await post('Gạo J02 vụ xuân Mường Lò: hạt tròn, dẻo, thơm khi nấu. Túi 5 kg hút chân không, giao tận nhà.', productIds[1])
	const riceOut = at(-48)
	const riceVideo = await createTarget(rice, page, { kind: 'facebook-video', state: 'published', platformId: 'demo-video-2', publishedAt: riceOut })
	const riceTikTok = await createTarget(rice, tiktok, {
		kind: 'tiktok-direct',
		state: 'failed',
		dueAt: riceOut,
		runs: 1,
		errorKind: 'invalid',
		errorMessage: 'TikTok refused the direct post: the video is longer than this account may post (demo)',
	})
	await db.engagementSnapshot.createMany({
		data: [1, 6, 24].map((h) => ({ targetId: riceVideo.id, coopId, takenAt: new Date(riceOut.getTime() + h * HOUR), views: grow(h, 120), likes: grow(h, 9), comments: null, shares: null })),
	})

	// 3. Due an hour ago on a manual channel: its package waits to be shared.
	const oil = await post('Tinh dầu quế Văn Yên chưng cất từ lá và cành quế: xông phòng, thư giãn. Chai 10 ml.', productIds[2])
	const oilGroup = await createTarget(oil, personal, { kind: 'manual', state: 'needs_attention', reason: 'hand_off', dueAt: at(-1) })

	// 4 and 5. Scheduled later this week and next week, for the calendar.
	const week = await post('Một ngày hái chè cùng bà con Suối Giàng: từ sương sớm đến mẻ chè sao cuối cùng.', productIds[0])
	await createTarget(week, page, { kind: 'facebook-reel', state: 'scheduled', dueAt: local(2, '19:30') })
	await createTarget(week, group, { kind: 'manual', state: 'scheduled', dueAt: local(2, '20:00') })
	const next = await post('Gạo mới về: đặt trước tuần này được giao ngay khi xay xát xong.', productIds[1])
	await createTarget(next, oa, { kind: 'zalo-article', state: 'scheduled', dueAt: local(8, '11:00') })
	await createTarget(next, group, { kind: 'manual', state: 'scheduled', dueAt: local(9, '19:00') })
	await createTarget(next, tiktok, { kind: 'tiktok-inbox', state: 'draft' })

	// What the owner would have heard.
	const channelName = async (id: string) => (await db.channel.findUniqueOrThrow({ where: { id } })).name
	const short = (caption: string) => (caption.length > 40 ? `${caption.slice(0, 39)}…` : caption)
	for (const [kind, target, postRow, read, createdAt] of [
		['target.published', teaReel, tea, true, published],
		['target.failed', riceTikTok, rice, false, riceOut],
		['target.hand_off', oilGroup, oil, false, at(-1)],
	] as const) {
		await db.notification.create({
			data: {
				coopId,
				userId,
				kind,
				params: JSON.stringify({ post: short(postRow.caption), channel: await channelName(target.channelId) }),
				href: `/posts/${postRow.id}`,
				dedupeKey: `target-${target.id}-${kind}`,
				readAt: read ? createdAt : null,
				createdAt,
			},
		})
	}
	await db.notification.create({
		data: {
			coopId,
			userId,
			kind: 'channel.reconnect',
			params: JSON.stringify({ channel: page.name, platform: page.platform, reason: 'token_rejected' }),
			href: '/channels',
			dedupeKey: `channel-${page.id}-demo`,
		},
	})
	return true
}
