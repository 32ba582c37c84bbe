// Reading a published post's numbers. Graph's page and post impression
// metrics were removed; these are the ones that still exist
// (../shared/reference/platforms.md). Zalo offers no article numbers through
// its API: people type them in. docs/decisions/152-channel-tokens.md.

import { PlatformError } from './errors.ts'
import { field, request } from './http.ts'
import type { PlatformSettings, PublishTarget } from './types.ts'

export type Engagement = { views: number | null; likes: number | null; comments: number | null; shares: number | null }

const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : value == null ? null : Number(value) || 0)

async function graph(settings: PlatformSettings, path: string, params: Record<string, string>, token: string) {
	const url = `${settings.facebookGraphUrl.replace(/\/+$/, '')}/${settings.facebookGraphVersion}/${path}?${new URLSearchParams({ ...params, access_token: token })}`
	const answer = await request(url, settings.requestTimeoutMs)
	const error = field(answer.json, 'error') as { code?: number; message?: string } | undefined
	if (answer.status >= 400 || error) {
		const kind = error?.code === 190 ? 'auth' : answer.status >= 500 ? 'transient' : 'invalid'
		throw new PlatformError(kind, `Facebook refused the numbers: ${error?.message ?? `HTTP ${answer.status}`}`, { platformCode: error?.code ?? answer.status })
	}
	return answer.json
}

/** The first value of each named metric in a Graph insights answer. */
function metrics(answer: unknown): Record<string, unknown> {
	const data = (field(answer, 'data') as Array<{ name?: string; values?: Array<{ value?: unknown }> }> | undefined) ?? []
	return Object.fromEntries(data.map((entry) => [entry.name ?? '', entry.values?.[0]?.value]))
}

function sumValues(value: unknown) {
	if (value && typeof value === 'object') return Object.values(value as Record<string, unknown>).reduce<number>((sum, v) => sum + (Number(v) || 0), 0)
	return count(value)
}

export async function facebookEngagement(settings: PlatformSettings, token: string, target: PublishTarget, platformId: string): Promise<Engagement> {
	if (target === 'facebook-reel' || target === 'facebook-video') {
		const names = target === 'facebook-reel' ? 'blue_reels_play_count,post_video_likes_by_reaction_type,post_video_social_actions' : 'total_video_views,total_video_reactions_by_type_total'
		const found = metrics(await graph(settings, `${platformId}/video_insights`, { metric: names }, token))
		const social = found.post_video_social_actions as Record<string, unknown> | undefined
		return {
			views: count(found.blue_reels_play_count ?? found.total_video_views),
			likes: sumValues(found.post_video_likes_by_reaction_type ?? found.total_video_reactions_by_type_total),
			comments: social ? count(social.COMMENT ?? social.comment ?? 0) : null,
			shares: social ? count(social.SHARE ?? social.share ?? 0) : null,
		}
	}
	const post = await graph(settings, platformId, { fields: 'reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),shares' }, token)
	const views = await graph(settings, `${platformId}/insights`, { metric: 'post_total_media_view_unique' }, token).then(
		(answer) => count(metrics(answer).post_total_media_view_unique),
		() => null,
	)
	return {
		views,
		likes: count(field(post, 'reactions', 'summary', 'total_count') ?? 0),
		comments: count(field(post, 'comments', 'summary', 'total_count') ?? 0),
		shares: count(field(post, 'shares', 'count') ?? 0),
	}
}

/** TikTok's video object counts, for the videos the creator posted (ids from the publish status). */
export async function tiktokEngagement(settings: PlatformSettings, token: string, videoIds: string[]): Promise<Map<string, Engagement>> {
	const url = `${settings.tiktokApiUrl.replace(/\/+$/, '')}/v2/video/query/?fields=id,view_count,like_count,comment_count,share_count`
	const answer = await request(url, settings.requestTimeoutMs, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: JSON.stringify({ filters: { video_ids: videoIds } }),
	})
	const code = field(answer.json, 'error', 'code')
	if (answer.status >= 400 || (code && code !== 'ok')) {
		const kind = answer.status === 401 ? 'auth' : answer.status === 429 ? 'rate_limit' : answer.status >= 500 ? 'transient' : 'invalid'
		throw new PlatformError(kind, `TikTok refused the numbers: ${String(field(answer.json, 'error', 'message') ?? answer.status)}`)
	}
	const videos = (field(answer.json, 'data', 'videos') as Array<Record<string, unknown>> | undefined) ?? []
	return new Map(
		videos.map((video) => [
			String(video.id),
			{ views: count(video.view_count), likes: count(video.like_count), comments: count(video.comment_count), shares: count(video.share_count) },
		]),
	)
}

/**
 * The public ids of the videos a TikTok publish became, from the publish
 * status (`publicaly_available_post_id`, TikTok's spelling). Empty while the
 * upload waits in the creator's inbox or is still processing. The ids are
 * int64: read from the raw answer, since a JSON number loses their last digits.
 */
export async function tiktokPostedVideoIds(settings: PlatformSettings, token: string, publishId: string): Promise<string[]> {
	const url = `${settings.tiktokApiUrl.replace(/\/+$/, '')}/v2/post/publish/status/fetch/`
	const answer = await request(url, settings.requestTimeoutMs, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=UTF-8' },
		body: JSON.stringify({ publish_id: publishId }),
	})
	const code = field(answer.json, 'error', 'code')
	if (answer.status >= 400 || (code && code !== 'ok')) {
		const kind = answer.status === 401 || code === 'access_token_invalid' ? 'auth' : answer.status === 429 ? 'rate_limit' : answer.status >= 500 ? 'transient' : 'invalid'
		throw new PlatformError(kind, `TikTok refused the publish status: ${String(field(answer.json, 'error', 'message') ?? answer.status)}`, {
			platformCode: typeof code === 'string' ? code : answer.status,
		})
	}
	const listed = /"publicaly_available_post_id"\s*:\s*\[([^\]]*)\]/.exec(answer.text)?.[1] ?? ''
	return listed
		.split(',')
		.map((id) => id.trim().replace(/^"|"$/g, ''))
		.filter(Boolean)
}
