// Zalo Official Account articles with a video: upload the video
// (preparevideo → verify until converted), create the article, then resolve
// its token into the article id (creation is asynchronous). Zalo answers
// HTTP 200 with `error` in the body, so every answer is read for it.
// docs/decisions/150-publishing-clients.md.

import { PlatformError, kindForStatus, type PlatformErrorKind } from './errors.ts'
import { fileBlob } from './files.ts'
import { field, request, stringField, type HttpAnswer } from './http.ts'
import type { PlatformClient, PostStatus, PublishContext, PublishRequest } from './types.ts'

const ERROR_KINDS: Record<string, PlatformErrorKind> = {
	'-216': 'auth',
	'-124': 'auth',
	'-32': 'rate_limit',
}

/** Zalo's video conversion states (upload_video/verify). */
const VIDEO_READY = 1
const VIDEO_FAILED_STATES: Record<number, string> = { 2: 'the video was locked', 4: 'the video could not be converted', 5: 'the video was deleted' }

function zaloResult(answer: HttpAnswer, what: string): Record<string, unknown> {
	const code = field(answer.json, 'error')
	if (answer.status < 400 && (code === 0 || code === '0')) return (field(answer.json, 'data') as Record<string, unknown>) ?? {}
	const message = stringField(answer.json, 'message')
	const kind = answer.status >= 500 ? 'transient' : ((code != null ? ERROR_KINDS[String(code)] : undefined) ?? (answer.status >= 400 ? kindForStatus(answer.status) : 'invalid'))
	throw new PlatformError(kind, `Zalo refused ${what}: ${message ?? `error ${code ?? answer.status}`}`, { platformCode: (code as number) ?? answer.status })
}

function openApi(ctx: PublishContext, path: string) {
	return `${ctx.settings.zaloOpenApiUrl.replace(/\/+$/, '')}${path}`
}

function postJson(ctx: PublishContext, path: string, token: string, body: unknown, commits = false) {
	return request(openApi(ctx, path), ctx.settings.requestTimeoutMs, {
		method: 'POST',
		headers: { access_token: token, 'content-type': 'application/json' },
		body: JSON.stringify(body),
		commits,
	})
}

export function zaloClient(): PlatformClient {
	return {
		async publish(req, ctx) {
			if (ctx.checkpoint.stage === 'created') return 'processing'
			if (!ctx.checkpoint.data?.videoId) {
				if (!ctx.checkpoint.data?.videoToken) {
					const file = await fileBlob(req.files[0]!, 'video/mp4')
					const form = new FormData()
					form.set('file', file.blob, file.name)
					const prepared = zaloResult(
						await request(openApi(ctx, '/v2.0/article/upload_video/preparevideo'), ctx.settings.requestTimeoutMs, {
							method: 'POST',
							headers: { access_token: req.token },
							body: form,
						}),
						'the video upload',
					)
					const videoToken = stringField(prepared, 'token')
					if (!videoToken) throw new PlatformError('unknown', 'Zalo did not give a token for the uploaded video')
					await ctx.save({ data: { videoToken } })
				}
				await ctx.save({ data: { videoId: await waitForVideo(req, ctx, String(ctx.checkpoint.data!.videoToken)) } })
			}
			const article: Record<string, string> = {
				type: 'video',
				title: req.title ?? firstLine(req.caption),
				description: req.caption,
				video_id: String(ctx.checkpoint.data!.videoId),
				status: 'show',
				comment: 'show',
			}
			if (req.coverUrl) article.avatar = req.coverUrl
			await ctx.save({ stage: 'creating' })
			const created = zaloResult(await postJson(ctx, '/v2.0/article/create', req.token, article, true), 'the article')
			const articleToken = stringField(created, 'token')
			if (!articleToken) throw new PlatformError('unknown', 'Zalo accepted the article without a token to follow it', { ambiguous: true })
			await ctx.save({ stage: 'created', data: { articleToken } })
			return 'processing'
		},

		async checkStatus(req, ctx): Promise<PostStatus> {
			if (ctx.checkpoint.platformId) return { state: 'published', platformId: ctx.checkpoint.platformId }
			const articleToken = ctx.checkpoint.data?.articleToken
			if (!articleToken) {
				return ctx.checkpoint.stage === 'creating'
					? { state: 'unknown', detail: 'Zalo never answered the article creation' }
					: { state: 'not-started' }
			}
			let verified: Record<string, unknown>
			try {
				verified = zaloResult(await postJson(ctx, '/v2.0/article/verify', req.token, { token: articleToken }), 'the article check')
			} catch (error) {
				if (error instanceof PlatformError && error.kind === 'auth') return { state: 'failed', error }
				return { state: 'processing', detail: `Zalo is still preparing the article (${(error as Error).message})` }
			}
			const id = stringField(verified, 'id')
			if (!id) return { state: 'processing', detail: 'Zalo is still preparing the article' }
			await ctx.save({ platformId: id })
			return { state: 'published', platformId: id }
		},
	}
}

async function waitForVideo(req: PublishRequest, ctx: PublishContext, videoToken: string) {
	const deadline = Date.now() + ctx.settings.pollTimeoutMs
	for (;;) {
		const answer = await request(
			`${openApi(ctx, '/v2.0/article/upload_video/verify')}?${new URLSearchParams({ token: videoToken })}`,
			ctx.settings.requestTimeoutMs,
			{ headers: { access_token: req.token, token: videoToken } },
		)
		const data = zaloResult(answer, 'the video check')
		const status = Number(field(data, 'status'))
		const videoId = stringField(data, 'video_id')
		if (status === VIDEO_READY && videoId) return videoId
		const failed = VIDEO_FAILED_STATES[status]
		if (failed) throw new PlatformError('invalid', `Zalo: ${failed} (${stringField(data, 'status_message') ?? status})`, { platformCode: status })
		if (Date.now() > deadline) throw new PlatformError('transient', 'Zalo is still converting the video')
		await ctx.sleep(ctx.settings.pollIntervalMs)
	}
}

function firstLine(caption: string) {
	return (caption.split('\n').find((line) => line.trim()) ?? '').trim().slice(0, 150)
}
