import { nanoid } from 'nanoid'
import type { Role } from '~/accounts/permissions.ts'
import type { Day, WallTime } from '~/utils/coop-time.ts'
import { getDb } from '~/utils/db.server.ts'
import { ensureTargetLink, shortUrlOf } from '~/links/links.server.ts'
import { seriesDates } from './calendar.ts'
import { notify } from './notifications.server.ts'
import { composeText } from './post-schema.ts'
import { announcePost } from './publishing-events.server.ts'
import { scheduleTargets } from './targets.server.ts'

// "Tạo chuỗi": one video a day for a week. Several ready renders, a start
// day, a time for each day and the channels become one Post a day sharing a
// seriesId, each with one target per channel, scheduled at its own day and
// time in the co-op's zone (docs/decisions/162-publishing-calendar.md).
// The composer has no create function on this branch, so the rows are made
// here with the same shape the composer makes.

export const SERIES_MAX_DAYS = 7

export class SeriesError extends Error {
	constructor(readonly code: 'render_not_ready' | 'channel_not_found' | 'not_a_time' | 'in_the_past') {
		super(code)
	}
}

/** Ready final renders (newest first) and the co-op's channels: what a series may be made of. */
export async function seriesChoices(coopId: string) {
	const db = getDb()
	const [renders, channels] = await Promise.all([
		db.render.findMany({
			where: { coopId, status: 'ready', quality: 'final', edit: { archivedAt: null } },
			select: { id: true, format: true, edit: { select: { title: true } } },
			orderBy: { createdAt: 'desc' },
			take: 50,
		}),
		db.channel.findMany({
			where: { coopId, archivedAt: null },
			select: { id: true, name: true, platform: true, state: true },
			orderBy: { name: 'asc' },
		}),
	])
	return { renders: renders.map((r) => ({ id: r.id, format: r.format, title: r.edit.title })), channels }
}

/**
 * How a video goes to a channel. A vertical render becomes a Facebook Reel,
 * any other a feed video; TikTok always goes to the creator's inbox, because
 * a direct post needs TikTok's posting screen, which a series does not show.
 */
export function videoKind(platform: string, format: string) {
	if (platform === 'facebook_page') return format === 'tiktok-reels' ? 'facebook-reel' : 'facebook-video'
	if (platform === 'zalo_oa') return 'zalo-article'
	if (platform === 'tiktok') return 'tiktok-inbox'
	return 'manual'
}

export type SeriesInput = {
	coopId: string
	userId: string
	role: Role
	caption: string
	hashtags: string
	channelIds: string[]
	startDay: Day
	timeZone: string
	/** Day by day from `startDay`: which render and at what time; null leaves that day out. */
	days: ({ renderId: string; time: WallTime } | null)[]
}

export async function createSeries(input: SeriesInput, now = new Date()) {
	const db = getDb()
	const allDates = seriesDates(
		input.startDay,
		input.days.length,
		input.days.map((d) => d?.time ?? '00:00'),
		input.timeZone,
	)
	if (!allDates) throw new SeriesError('not_a_time')
	const chosen = input.days.flatMap((d, i) => (d ? [{ ...d, at: allDates[i] }] : []))
	if (chosen.length === 0) throw new SeriesError('not_a_time')
	if (chosen.some((d) => d.at.getTime() <= now.getTime())) throw new SeriesError('in_the_past')
	const renderIds = [...new Set(chosen.map((d) => d.renderId))]
	const renders = await db.render.findMany({
		where: { id: { in: renderIds }, coopId: input.coopId, status: 'ready', quality: 'final' },
		select: { id: true, format: true, edit: { select: { productId: true } } },
	})
	if (renders.length !== renderIds.length) throw new SeriesError('render_not_ready')
	const channels = await db.channel.findMany({
		where: { id: { in: input.channelIds }, coopId: input.coopId, archivedAt: null },
		select: { id: true, platform: true },
	})
	if (channels.length === 0 || channels.length !== new Set(input.channelIds).size) throw new SeriesError('channel_not_found')
	// An editor's posts wait for an owner when the co-op asks for approval; an owner's go straight on.
	const coop = await db.coop.findUnique({ where: { id: input.coopId }, select: { postApproval: true } })
	const needsApproval = Boolean(coop?.postApproval) && input.role !== 'owner'

	const seriesId = `series${nanoid(12).replace(/[^a-zA-Z0-9]/g, 'x')}`
	const posts = await db.$transaction(
		chosen.map((day) => {
			const render = renders.find((r) => r.id === day.renderId)!
			return db.post.create({
				data: {
					coopId: input.coopId,
					renderId: render.id,
					productId: render.edit.productId,
					caption: input.caption,
					hashtags: input.hashtags,
					seriesId,
					approvalState: needsApproval ? 'pending' : 'none',
					createdById: input.userId,
					targets: {
						create: channels.map((channel) => ({
							coopId: input.coopId,
							channelId: channel.id,
							kind: videoKind(channel.platform, render.format),
						})),
					},
				},
				select: { id: true, targets: { select: { id: true } } },
			})
		}),
	)
	// Each post on each channel carries its own tracked link, as the composer's do (decision 184).
	for (const post of posts) {
		for (const target of post.targets) {
			const link = await ensureTargetLink(input.coopId, target.id)
			if (!link) continue
			const address = shortUrlOf(link.slug)
			await db.postTarget.update({
				where: { id: target.id },
				data: { caption: composeText(input.caption, input.hashtags, address), options: JSON.stringify({ link: address }) },
			})
		}
	}
	for (const [i, post] of posts.entries()) {
		if (!needsApproval) await scheduleTargets(db, input.coopId, post.targets.map((t) => t.id), chosen[i].at, now)
		// A post waiting for approval keeps its targets as drafts; its planned time is kept so that approving schedules it there.
		else await db.postTarget.updateMany({ where: { postId: post.id }, data: { dueAt: chosen[i].at } })
		await announcePost(input.coopId, post.id)
	}
	if (needsApproval) {
		await notify(db, {
			coopId: input.coopId,
			kind: 'post.approval_requested',
			params: { count: posts.length },
			href: `/posts/${posts[0].id}`,
			to: 'owners',
			dedupeKey: `series-${seriesId}-approval`,
		})
	}
	return { seriesId, postIds: posts.map((p) => p.id) }
}
