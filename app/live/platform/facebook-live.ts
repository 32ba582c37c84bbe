// Facebook Page live videos through the Graph API: the comments of a live
// video as they arrive, the Page's live videos (the run sheet's chooser), and
// whether a live is still on air. Written from Meta's Live Video API and
// Comments reference (GET /{live-video-id}/comments with live_filter, order,
// since; paging.next; GET /{page-id}/live_videos). No database, no Remix:
// the caller passes the Page token and the base URL (FACEBOOK_GRAPH_URL), so
// tests point it at a local fake. Errors are the publishing clients'
// PlatformError kinds (docs/decisions/172-live-comment-polling.md).

import { graphResult } from '~/publishing/platform/graph-answer.ts'
import { PlatformError } from '~/publishing/platform/errors.ts'
import { field, request, stringField } from '~/publishing/platform/http.ts'
import { graphUsagePercent } from '../poll-pace.ts'

export type LiveGraphSettings = {
	facebookGraphUrl: string
	facebookGraphVersion: string
	/** One request's time limit; a poll should give up well before the next one is due. */
	requestTimeoutMs: number
}

export type PlatformComment = {
	/** Graph's comment id. */
	id: string
	message: string
	/** The commenter's app-scoped id; Graph leaves `from` out for people who did not allow the app to see them. */
	authorId: string | null
	authorName: string
	createdAt: Date
}

export type CommentsPage = {
	comments: PlatformComment[]
	/** The highest of the usage headers' percentages (0–100), null when Graph sent none. */
	usagePercent: number | null
}

export type LiveVideo = { id: string; title: string; status: string; createdAt: Date | null }

/** Graph's statuses of a live video that is over: the broadcast stopped, or it is a replay already. */
const ENDED_STATUSES = new Set(['LIVE_STOPPED', 'VOD', 'PROCESSING'])

/** Pages followed per poll at most: 100 comments a page is more than a minute of a busy live. */
const MAX_PAGES = 20

function graphUrl(settings: LiveGraphSettings, path: string, params: Record<string, string>) {
	return `${settings.facebookGraphUrl.replace(/\/+$/, '')}/${settings.facebookGraphVersion}/${path}?${new URLSearchParams(params)}`
}

/** Graph writes times as "2026-12-07T05:00:00+0000"; the colon-less offset is not ISO 8601. */
export function parseGraphTime(value: unknown): Date | null {
	if (typeof value !== 'string') return null
	const time = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
	return Number.isFinite(time) ? new Date(time) : null
}

function commentFrom(entry: unknown): PlatformComment | null {
	const id = stringField(entry, 'id')
	const createdAt = parseGraphTime(field(entry, 'created_time'))
	if (!id || !createdAt) return null
	return {
		id,
		message: String(field(entry, 'message') ?? ''),
		authorId: stringField(entry, 'from', 'id'),
		authorName: String(field(entry, 'from', 'name') ?? ''),
		createdAt,
	}
}

/**
 * The comments of a live video written at or after `since` (unix seconds), oldest first,
 * following paging.next. Comments of the same second as `since` come again: the caller's
 * store is idempotent on the comment id, so none is lost at a second's edge.
 */
export async function fetchLiveComments(
	settings: LiveGraphSettings,
	options: { liveVideoId: string; token: string; since?: number | null },
): Promise<CommentsPage> {
	const params: Record<string, string> = {
		live_filter: 'no_filter',
		order: 'chronological',
		fields: 'id,message,from{id,name},created_time',
		limit: '100',
		access_token: options.token,
	}
	if (options.since != null) params.since = String(options.since)
	let url: string | null = graphUrl(settings, `${encodeURIComponent(options.liveVideoId)}/comments`, params)
	const comments: PlatformComment[] = []
	let usagePercent: number | null = null
	for (let page = 0; url && page < MAX_PAGES; page++) {
		const answer = await request(url, settings.requestTimeoutMs)
		const usage = graphUsagePercent(answer.headers)
		if (usage !== null) usagePercent = Math.max(usagePercent ?? 0, usage)
		const body = graphResult(answer, 'the live comments')
		const data = field(body, 'data')
		if (!Array.isArray(data)) throw new PlatformError('unknown', 'Facebook answered the live comments without a list')
		for (const entry of data) {
			const comment = commentFrom(entry)
			if (comment) comments.push(comment)
		}
		// An empty page ends the list even when Graph still offers a next link.
		url = data.length > 0 ? stringField(body, 'paging', 'next') : null
	}
	return { comments, usagePercent }
}

/** Where a live video stands: LIVE, SCHEDULED_UNPUBLISHED… or over (LIVE_STOPPED, VOD). */
export async function liveVideoStatus(settings: LiveGraphSettings, options: { liveVideoId: string; token: string }) {
	const answer = await request(graphUrl(settings, encodeURIComponent(options.liveVideoId), { fields: 'id,status', access_token: options.token }), settings.requestTimeoutMs)
	const status = String(field(graphResult(answer, 'the live video status'), 'status') ?? '')
	return { status, ended: ENDED_STATUSES.has(status), usagePercent: graphUsagePercent(answer.headers) }
}

/** The Page's live videos, newest first, for choosing where a live session runs. */
export async function listPageLiveVideos(settings: LiveGraphSettings, options: { pageId: string; token: string; limit?: number }): Promise<LiveVideo[]> {
	const answer = await request(
		graphUrl(settings, `${encodeURIComponent(options.pageId)}/live_videos`, {
			fields: 'id,title,status,creation_time',
			limit: String(options.limit ?? 25),
			access_token: options.token,
		}),
		settings.requestTimeoutMs,
	)
	const data = field(graphResult(answer, 'the list of live videos'), 'data')
	if (!Array.isArray(data)) return []
	return data.flatMap((entry) => {
		const id = stringField(entry, 'id')
		if (!id) return []
		return [{ id, title: String(field(entry, 'title') ?? ''), status: String(field(entry, 'status') ?? ''), createdAt: parseGraphTime(field(entry, 'creation_time')) }]
	})
}
