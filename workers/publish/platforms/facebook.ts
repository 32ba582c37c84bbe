// Facebook Pages through the Graph API: photo, multi-photo, feed video and
// Reels (three-phase upload, then the status call). Written from Meta's
// Pages API, Video API and Reels publishing guides; facts in
// ../shared/reference/platforms.md and docs/decisions/150-publishing-clients.md.

import { graphResult } from '~/publishing/platform/graph-answer.ts'
import { PlatformError } from './errors.ts'
import { contentTypeFor, fileBlob } from './files.ts'
import { field, request, stringField } from './http.ts'
import type { PlatformClient, PostStatus, PublishContext, PublishRequest } from './types.ts'

export function facebookClient(): PlatformClient {
	return {
		async publish(req, ctx) {
			if (req.to === 'facebook-reel') return publishReel(req, ctx)
			if (req.to === 'facebook-video') return publishFeedVideo(req, ctx)
			return publishPhotos(req, ctx)
		},
		async checkStatus(req, ctx) {
			const id = ctx.checkpoint.platformId
			if (!id) return { state: 'unknown', detail: 'Facebook never told us the id of this post' }
			if (req.to === 'facebook-reel') return reelStatus(req, ctx, id)
			const answer = await graph(ctx, 'GET', id, { fields: 'id' }, req.token)
			if (answer.status === 404 || (answer.status === 400 && field(answer.json, 'error', 'code') === 100)) {
				return { state: 'failed', error: new PlatformError('invalid', 'Facebook no longer has this post', { platformCode: 100 }) }
			}
			graphResult(answer, 'the status check')
			return { state: 'published', platformId: id }
		},
	}
}

function graphUrl(ctx: PublishContext, path: string) {
	const { facebookGraphUrl, facebookGraphVersion } = ctx.settings
	return `${facebookGraphUrl.replace(/\/+$/, '')}/${facebookGraphVersion}/${path}`
}

async function graph(
	ctx: PublishContext,
	method: 'GET' | 'POST',
	path: string,
	params: Record<string, string>,
	token: string,
	commits = false,
) {
	const body = new URLSearchParams({ ...params, access_token: token })
	if (method === 'GET') {
		return request(`${graphUrl(ctx, path)}?${body}`, ctx.settings.requestTimeoutMs)
	}
	return request(graphUrl(ctx, path), ctx.settings.requestTimeoutMs, { method, body, commits })
}

async function graphForm(ctx: PublishContext, path: string, form: FormData, token: string, commits: boolean) {
	form.set('access_token', token)
	return request(graphUrl(ctx, path), ctx.settings.requestTimeoutMs, { method: 'POST', body: form, commits })
}

/** Reels: start → upload the bytes (resumable at the offset Facebook reports) → finish. */
async function publishReel(req: PublishRequest, ctx: PublishContext): Promise<'processing'> {
	const file = await fileBlob(req.files[0]!, 'video/mp4')
	// A session started by this very call holds no bytes yet: only a resumed one is asked how far it got.
	let fresh = false
	if (!ctx.checkpoint.platformId || !ctx.checkpoint.data?.uploadUrl) {
		const started = graphResult(
			await graph(ctx, 'POST', `${req.accountId}/video_reels`, { upload_phase: 'start' }, req.token),
			'the start of the Reel upload',
		)
		const videoId = stringField(started, 'video_id')
		const uploadUrl = stringField(started, 'upload_url')
		if (!videoId || !uploadUrl) throw new PlatformError('unknown', 'Facebook did not give a video id and an upload address')
		await ctx.save({ platformId: videoId, stage: 'started', data: { uploadUrl } })
		fresh = true
	}
	const videoId = ctx.checkpoint.platformId!
	// The bytes are sent and the finish follows at once: its own "finishing" save marks both, so there is
	// no separate "uploaded" write (a checkpoint saved as "uploaded" by an earlier version still resumes below).
	let uploadedNow = false
	if (ctx.checkpoint.stage === 'started') {
		const offset = fresh ? 0 : await reelBytesReceived(req, ctx, videoId)
		if (offset < file.size) {
			const uploaded = await request(String(ctx.checkpoint.data!.uploadUrl), ctx.settings.requestTimeoutMs, {
				method: 'POST',
				headers: { authorization: `OAuth ${req.token}`, offset: String(offset), file_size: String(file.size) },
				body: file.blob.slice(offset),
			})
			graphResult(uploaded, 'the video upload')
		}
		uploadedNow = true
	}
	if (uploadedNow || ctx.checkpoint.stage === 'uploaded' || ctx.checkpoint.stage === 'finishing') {
		const params: Record<string, string> = {
			upload_phase: 'finish',
			video_id: videoId,
			video_state: 'PUBLISHED',
			description: req.caption,
		}
		if (req.title) params.title = req.title
		await ctx.save({ stage: 'finishing' })
		const finished = graphResult(
			await graph(ctx, 'POST', `${req.accountId}/video_reels`, params, req.token, true),
			'publishing the Reel',
		)
		if (finished.success === false) throw new PlatformError('unknown', 'Facebook did not accept publishing the Reel')
		await ctx.save({ stage: 'finished' })
	}
	return 'processing'
}

/** Bytes Facebook already holds for a Reel upload (0 when it cannot say). */
async function reelBytesReceived(req: PublishRequest, ctx: PublishContext, videoId: string) {
	const answer = await graph(ctx, 'GET', videoId, { fields: 'status' }, req.token)
	if (answer.status >= 400) return 0
	const transferred = Number(field(answer.json, 'status', 'uploading_phase', 'bytes_transferred') ?? 0)
	return Number.isFinite(transferred) && transferred > 0 ? transferred : 0
}

async function reelStatus(req: PublishRequest, ctx: PublishContext, videoId: string): Promise<PostStatus> {
	const status = field(graphResult(await graph(ctx, 'GET', videoId, { fields: 'status' }, req.token), 'the Reel status check'), 'status')
	const phase = (name: string) => String(field(status, `${name}_phase`, 'status') ?? '')
	const videoStatus = String(field(status, 'video_status') ?? '')
	const phaseError = ['uploading', 'processing', 'publishing']
		.map((name) => field(status, `${name}_phase`, 'errors') ?? (phase(name) === 'error' ? [{ message: `${name} failed` }] : null))
		.find((errors) => Array.isArray(errors) && errors.length > 0) as Array<{ message?: string }> | undefined
	if (videoStatus === 'error' || phaseError) {
		const reason = phaseError?.[0]?.message ?? 'the video could not be processed'
		return { state: 'failed', error: new PlatformError('invalid', `Facebook could not publish the Reel: ${reason}`) }
	}
	if (phase('publishing') === 'complete') return { state: 'published', platformId: videoId }
	if (phase('publishing') === 'in_progress' || ctx.checkpoint.stage === 'finished') {
		return { state: 'processing', detail: `Facebook is still processing the Reel (${videoStatus || 'processing'})` }
	}
	// The finish was never acknowledged and publishing has not begun: sending it again is safe,
	// it names the same video and cannot make a second Reel.
	return { state: 'not-started' }
}

/** A feed video in one multipart request (`source`); the answer's id is the video. */
async function publishFeedVideo(req: PublishRequest, ctx: PublishContext): Promise<'published'> {
	if (ctx.checkpoint.stage === 'posted') return 'published'
	const file = await fileBlob(req.files[0]!, contentTypeFor(req.files[0]!))
	const form = new FormData()
	form.set('source', file.blob, file.name)
	form.set('description', req.caption)
	if (req.title) form.set('title', req.title)
	await ctx.save({ stage: 'posting' })
	const posted = graphResult(await graphForm(ctx, `${req.accountId}/videos`, form, req.token, true), 'the video post')
	const id = stringField(posted, 'id')
	if (!id) throw new PlatformError('unknown', 'Facebook accepted the video without giving its id', { ambiguous: true })
	await ctx.save({ platformId: id, stage: 'posted' })
	return 'published'
}

/** One photo: a published photo post. Several: each uploaded unpublished, then one feed post with all of them. */
async function publishPhotos(req: PublishRequest, ctx: PublishContext): Promise<'published'> {
	if (ctx.checkpoint.stage === 'posted') return 'published'
	if (req.files.length === 1) {
		const file = await fileBlob(req.files[0]!, contentTypeFor(req.files[0]!))
		const form = new FormData()
		form.set('source', file.blob, file.name)
		form.set('message', req.caption)
		await ctx.save({ stage: 'posting' })
		const posted = graphResult(await graphForm(ctx, `${req.accountId}/photos`, form, req.token, true), 'the photo post')
		const id = stringField(posted, 'post_id') ?? stringField(posted, 'id')
		if (!id) throw new PlatformError('unknown', 'Facebook accepted the photo without giving its id', { ambiguous: true })
		await ctx.save({ platformId: id, stage: 'posted' })
		return 'published'
	}
	for (const [index, filePath] of req.files.entries()) {
		if (ctx.checkpoint.data?.[`photo${index}`]) continue
		const file = await fileBlob(filePath, contentTypeFor(filePath))
		const form = new FormData()
		form.set('source', file.blob, file.name)
		form.set('published', 'false')
		const uploaded = graphResult(await graphForm(ctx, `${req.accountId}/photos`, form, req.token, false), `photo ${index + 1}`)
		const photoId = stringField(uploaded, 'id')
		if (!photoId) throw new PlatformError('unknown', `Facebook did not give an id for photo ${index + 1}`)
		await ctx.save({ data: { [`photo${index}`]: photoId } })
	}
	const params: Record<string, string> = { message: req.caption }
	req.files.forEach((_, index) => {
		params[`attached_media[${index}]`] = JSON.stringify({ media_fbid: String(ctx.checkpoint.data![`photo${index}`]) })
	})
	await ctx.save({ stage: 'posting' })
	const posted = graphResult(await graph(ctx, 'POST', `${req.accountId}/feed`, params, req.token, true), 'the photo post')
	const id = stringField(posted, 'id')
	if (!id) throw new PlatformError('unknown', 'Facebook accepted the post without giving its id', { ambiguous: true })
	await ctx.save({ platformId: id, stage: 'posted' })
	return 'published'
}
