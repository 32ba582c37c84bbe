import { DEFAULT_TIME_ZONE, localToInstant, type Day, type WallTime } from '~/utils/coop-time.ts'
import { getDb } from '~/utils/db.server.ts'
import { calendarInstant, canReschedule, placeItems, viewDays, viewRange, type CalendarView, type Platform, type PostViews } from './calendar.ts'
import { summarisePost, type PostSummary, type TargetState } from './target-state.ts'
import { postNow, rescheduleTarget } from './targets.server.ts'

// What the calendar page reads and changes: a co-op's targets over a week or
// a month, grouped into one chip per post and day, each channel with its own
// state; the channels that need reconnecting; the co-op's own numbers for the
// suggested times; and the moves (reschedule, post now) through the engine's
// functions (docs/decisions/162-publishing-calendar.md).

const SNIPPET_LENGTH = 80

export type ChipChannel = {
	targetId: string
	channelId: string
	channelName: string
	platform: string
	channelState: string
	state: string
	canMove: boolean
}

export type CalendarChip = {
	/** postId and day: a post's channels on one day make one chip. */
	key: string
	postId: string
	seriesId: string | null
	snippet: string
	day: Day
	time: WallTime
	at: string
	summary: PostSummary
	channels: ChipChannel[]
}

export async function coopTimeZone(coopId: string): Promise<string> {
	const db = getDb()
	const coop = await db.coop.findUnique({ where: { id: coopId }, select: { timezone: true } })
	return coop?.timezone ?? DEFAULT_TIME_ZONE
}

function snippet(caption: string) {
	const flat = caption.replace(/\s+/g, ' ').trim()
	return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH - 1)}…` : flat
}

/**
 * The calendar for one view around `anchor` in the co-op's zone: every day
 * shown, the chips on them in time order, and the channels that need
 * reconnecting. A post's summary covers all its channels, also those on
 * other days.
 */
export async function calendarData(input: { coopId: string; view: CalendarView; anchor: Day; timeZone: string }) {
	const db = getDb()
	const { coopId, view, anchor, timeZone } = input
	const range = viewRange(view, anchor, timeZone)
	const inRange = { gte: range.start, lt: range.end }
	const targets = await db.postTarget.findMany({
		where: {
			coopId,
			post: { archivedAt: null },
			OR: [{ state: 'published', publishedAt: inRange }, { state: { not: 'published' }, dueAt: inRange }],
		},
		select: {
			id: true,
			postId: true,
			state: true,
			dueAt: true,
			publishedAt: true,
			channel: { select: { id: true, name: true, platform: true, state: true } },
			post: { select: { caption: true, seriesId: true, targets: { select: { state: true } } } },
		},
		orderBy: { id: 'asc' },
	})
	const chips = new Map<string, CalendarChip>()
	for (const entry of placeItems(targets, calendarInstant, timeZone)) {
		const target = entry.item
		const key = `${target.postId}:${entry.day}`
		let chip = chips.get(key)
		if (!chip) {
			chip = {
				key,
				postId: target.postId,
				seriesId: target.post.seriesId,
				snippet: snippet(target.post.caption),
				day: entry.day,
				time: entry.time,
				at: entry.at.toISOString(),
				summary: summarisePost(target.post.targets.map((t) => t.state as TargetState)),
				channels: [],
			}
			chips.set(key, chip)
		}
		chip.channels.push({
			targetId: target.id,
			channelId: target.channel.id,
			channelName: target.channel.name,
			platform: target.channel.platform,
			channelState: target.channel.state,
			state: target.state,
			canMove: canReschedule(target),
		})
	}
	const reconnect = await db.channel.findMany({
		where: { coopId, archivedAt: null, state: 'needs_reconnect' },
		select: { id: true, name: true, platform: true },
		orderBy: { name: 'asc' },
	})
	return { days: viewDays(view, anchor), range: { start: range.start.toISOString(), end: range.end.toISOString() }, chips: [...chips.values()], reconnect }
}

/**
 * The co-op's own numbers per platform for suggested times: each published
 * target of the last 180 days with the views of its latest reading and the
 * orders credited to it under the co-op's attribution model (the results
 * rollups, app/results/rollups.server.ts; cancelled orders left out).
 */
export async function engagementByPlatform(coopId: string, now = new Date()): Promise<Record<Platform, PostViews[]>> {
	const db = getDb()
	const since = new Date(now.getTime() - 180 * 86_400_000)
	const coop = await db.coop.findUnique({ where: { id: coopId }, select: { attributionModel: true } })
	const credited = await db.resultOrder.groupBy({
		by: ['targetId'],
		where: { coopId, model: coop?.attributionModel === 'first' ? 'first' : 'last', counted: true, credit: { not: 'none' }, targetId: { not: null }, placedAt: { gte: since } },
		_count: { _all: true },
	})
	const ordersByTarget = new Map(credited.map((row) => [row.targetId, row._count._all]))
	const published = await db.postTarget.findMany({
		where: { coopId, state: 'published', publishedAt: { gte: since } },
		select: {
			id: true,
			publishedAt: true,
			channel: { select: { platform: true } },
			snapshots: { where: { views: { not: null } }, orderBy: { takenAt: 'desc' }, take: 1, select: { views: true } },
		},
	})
	const byPlatform: Record<Platform, PostViews[]> = { facebook_page: [], zalo_oa: [], tiktok: [], manual: [] }
	for (const target of published) {
		const views = target.snapshots[0]?.views
		const list = byPlatform[target.channel.platform as Platform]
		if (list && target.publishedAt && views != null) list.push({ publishedAt: target.publishedAt, views, orders: ordersByTarget.get(target.id) ?? 0 })
	}
	return byPlatform
}

export class CalendarMoveError extends Error {
	constructor(readonly code: 'not_a_time' | 'in_the_past' | 'not_scheduled' | 'awaiting_approval' | 'nothing_to_send') {
		super(code)
	}
}

/**
 * Moves the given targets (one chip's channels) to `day` at `time` in the
 * co-op's zone. Returns how many moved; throws when the time is not real or
 * already past, or when none of them could move.
 */
export async function rescheduleTargets(
	input: { coopId: string; targetIds: string[]; day: Day; time: WallTime; timeZone: string },
	now = new Date(),
): Promise<number> {
	const db = getDb()
	const dueAt = localToInstant(input.day, input.time, input.timeZone)
	if (!dueAt) throw new CalendarMoveError('not_a_time')
	if (dueAt.getTime() < now.getTime() - 60_000) throw new CalendarMoveError('in_the_past')
	let moved = 0
	for (const targetId of input.targetIds) {
		if (await rescheduleTarget(db, input.coopId, targetId, dueAt, now)) moved++
	}
	if (moved === 0) throw new CalendarMoveError('not_scheduled')
	return moved
}

/** "Đăng ngay" for a post, unless it is still waiting for an owner's approval. */
export async function sendPostNow(coopId: string, postId: string, now = new Date()): Promise<number> {
	const db = getDb()
	const post = await db.post.findFirst({ where: { id: postId, coopId, archivedAt: null }, select: { approvalState: true } })
	if (!post) throw new Response('Not found', { status: 404 })
	if (post.approvalState === 'pending' || post.approvalState === 'changes_requested') throw new CalendarMoveError('awaiting_approval')
	const sent = await postNow(db, coopId, postId, now)
	if (sent === 0) throw new CalendarMoveError('nothing_to_send')
	return sent
}
