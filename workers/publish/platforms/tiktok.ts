// TikTok Content Posting API: upload to the creator's inbox (the default: they
// finish the post in the app) or a direct post through the creator-info and
// privacy rules TikTok's audit requires. FILE_UPLOAD in chunks per the media
// transfer guide, then the status call. docs/decisions/150-publishing-clients.md.

import { PlatformError, kindForStatus, parseRetryAfter, type PlatformErrorKind } from './errors.ts'
import { fileBlob } from './files.ts'
import { field, request, stringField, type HttpAnswer } from './http.ts'
import type { PlatformClient, PostStatus, PublishContext, PublishRequest } from './types.ts'

/** Within TikTok's 5–64 MB chunk rule whichever megabyte it means; smaller files go whole. */
export const TIKTOK_CHUNK_BYTES = 10_000_000

const ERROR_KINDS: Record<string, PlatformErrorKind> = {
	access_token_invalid: 'auth',
	scope_not_authorized: 'auth',
	scope_permission_missed: 'auth',
	rate_limit_exceeded: 'rate_limit',
	spam_risk_too_many_posts: 'rate_limit',
	spam_risk_too_many_pending_share: 'rate_limit',
	internal_error: 'transient',
}

/** How TikTok wants a file cut: chunks of one size, the last one taking the remainder. */
export function tiktokChunks(size: number) {
	if (size < TIKTOK_CHUNK_BYTES) return { chunkSize: size, count: 1 }
	return { chunkSize: TIKTOK_CHUNK_BYTES, count: Math.floor(size / TIKTOK_CHUNK_BYTES) }
}

function tiktokResult(answer: HttpAnswer, what: string): Record<string, unknown> {
	const code = stringField(answer.json, 'error', 'code')
	if (answer.status < 400 && (code === null || code === 'ok')) {
		return (field(answer.json, 'data') as Record<string, unknown> | undefined) ?? {}
	}
	const said = stringField(answer.json, 'error', 'message')
	const kind = (code ? ERROR_KINDS[code] : undefined) ?? (answer.status >= 400 ? kindForStatus(answer.status) : 'invalid')
	throw new PlatformError(kind, `TikTok refused ${what}: ${said || code || `HTTP ${answer.status}`}`, {
		platformCode: code ?? answer.status,
		retryAfterMs: parseRetryAfter(answer.headers.get('retry-after')),
	})
}

function api(ctx: PublishContext, path: string, token: string, body: unknown) {
	return request(`${ctx.settings.tiktokApiUrl.replace(/\/+$/, '')}${path}`, ctx.settings.requestTimeoutMs, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=UTF-8' },
		body: JSON.stringify(body),
	})
}

export type CreatorInfo = {
	nickname: string
	privacyLevelOptions: string[]
	maxVideoPostDurationSec: number | null
}

export async function tiktokCreatorInfo(ctx: PublishContext, token: string): Promise<CreatorInfo> {
	const data = tiktokResult(await api(ctx, '/v2/post/publish/creator_info/query/', token, {}), 'the creator info')
	const options = field(data, 'privacy_level_options')
	return {
		nickname: stringField(data, 'creator_nickname') ?? '',
		privacyLevelOptions: Array.isArray(options) ? options.map(String) : [],
		maxVideoPostDurationSec: Number(field(data, 'max_video_post_duration_sec')) || null,
	}
}

/**
 * The post_info of a direct post (Content Posting API, /v2/post/publish/video/init/):
 * interactions off unless the person turned them on; the commercial-content
 * disclosure as chosen (brand_organic_toggle: their own brand; brand_content_toggle:
 * a paid partnership).
 */
export function tiktokPostInfo(req: Pick<PublishRequest, 'caption' | 'privacy' | 'tiktok'>) {
	const choices = req.tiktok
	return {
		title: req.caption,
		privacy_level: req.privacy,
		disable_comment: choices?.allowComment !== true,
		disable_duet: choices?.allowDuet !== true,
		disable_stitch: choices?.allowStitch !== true,
		brand_content_toggle: choices?.brandedContent === true,
		brand_organic_toggle: choices?.yourBrand === true,
	}
}

export function tiktokClient(): PlatformClient {
	return {
		async publish(req, ctx) {
			const file = await fileBlob(req.files[0]!, 'video/mp4')
			const { chunkSize, count } = tiktokChunks(file.size)
			if (!ctx.checkpoint.platformId) {
				const sourceInfo = { source: 'FILE_UPLOAD', video_size: file.size, chunk_size: chunkSize, total_chunk_count: count }
				let data: Record<string, unknown>
				if (req.to === 'tiktok-direct') {
					const creator = await tiktokCreatorInfo(ctx, req.token)
					if (!req.privacy || !creator.privacyLevelOptions.includes(req.privacy)) {
						throw new PlatformError(
							'invalid',
							`"${req.privacy}" is not one of ${creator.nickname || 'the creator'}'s privacy options (${creator.privacyLevelOptions.join(', ')})`,
							{ platformCode: 'privacy_level_option_mismatch' },
						)
					}
					const postInfo = tiktokPostInfo(req)
					data = tiktokResult(
						await api(ctx, '/v2/post/publish/video/init/', req.token, { post_info: postInfo, source_info: sourceInfo }),
						'the direct post',
					)
				} else {
					data = tiktokResult(await api(ctx, '/v2/post/publish/inbox/video/init/', req.token, { source_info: sourceInfo }), 'the upload')
				}
				const publishId = stringField(data, 'publish_id')
				const uploadUrl = stringField(data, 'upload_url')
				if (!publishId || !uploadUrl) throw new PlatformError('unknown', 'TikTok did not give a publish id and an upload address')
				await ctx.save({ platformId: publishId, stage: 'uploading', data: { uploadUrl, nextChunk: 0 } })
			}
			if (ctx.checkpoint.stage !== 'uploading') return 'processing'
			for (let index = Number(ctx.checkpoint.data?.nextChunk ?? 0); index < count; index++) {
				const first = index * chunkSize
				const last = index === count - 1 ? file.size - 1 : first + chunkSize - 1
				const answer = await request(String(ctx.checkpoint.data!.uploadUrl), ctx.settings.requestTimeoutMs, {
					method: 'PUT',
					headers: {
						'content-type': 'video/mp4',
						'content-length': String(last - first + 1),
						'content-range': `bytes ${first}-${last}/${file.size}`,
					},
					body: file.blob.slice(first, last + 1),
					// The last chunk completes the upload, and TikTok then posts: the committing step.
					commits: index === count - 1,
				})
				if (answer.status >= 400) tiktokResult(answer, `chunk ${index + 1} of ${count}`)
				await ctx.save(index === count - 1 ? { stage: 'uploaded', data: { nextChunk: count } } : { data: { nextChunk: index + 1 } })
			}
			return 'processing'
		},

		async checkStatus(req, ctx): Promise<PostStatus> {
			const publishId = ctx.checkpoint.platformId
			if (!publishId) return { state: 'unknown', detail: 'TikTok never gave a publish id for this video' }
			const data = tiktokResult(await api(ctx, '/v2/post/publish/status/fetch/', req.token, { publish_id: publishId }), 'the status check')
			const status = stringField(data, 'status')
			if (status === 'PUBLISH_COMPLETE' || (status === 'SEND_TO_USER_INBOX' && req.to === 'tiktok-inbox')) {
				return { state: 'published', platformId: publishId }
			}
			if (status === 'FAILED') {
				const reason = stringField(data, 'fail_reason') ?? 'unknown reason'
				return { state: 'failed', error: new PlatformError('invalid', `TikTok could not post the video: ${reason}`, { platformCode: reason }) }
			}
			if (status === 'PROCESSING_UPLOAD' && ctx.checkpoint.stage !== 'uploaded') return { state: 'not-started' }
			return { state: 'processing', detail: `TikTok is processing the video (${status ?? 'no status yet'})` }
		},
	}
}
