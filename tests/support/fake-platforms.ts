// Local stand-ins for the Facebook Graph API, Zalo's OA Open API and TikTok's
// Content Posting API, written from their public documentation (the request
// shapes and answers in ../shared/reference/platforms.md), not from our
// clients. Each keeps what was posted so that a test can count posts, and can
// be told to misbehave: an expired token, a rate limit, a 500, a connection
// dropped halfway through an upload, or an answer that never comes after the
// platform already acted.

import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type Mishap =
	| { kind: 'expired-token' }
	| { kind: 'rate-limit'; retryAfterSeconds?: number }
	| { kind: 'server-error' }
	/** Facebook refuses the request for good: Graph's "(#100) Invalid parameter" (400, code 100, not transient). */
	| { kind: 'refused' }
	/** Act on the request, then never answer (the client's timeout fires). */
	| { kind: 'accept-then-hang' }
	/** Read about half of the body, keep it, then cut the connection. */
	| { kind: 'drop-halfway' }

export type Recorded = { method: string; path: string; headers: http.IncomingHttpHeaders; query: URLSearchParams; body: Buffer }

type Reel = { id: string; bytes: Buffer; size: number | null; finished: number; description: string | null; pollsUntilPublished: number }
type TikTokUpload = { publishId: string; size: number; chunkSize: number; chunks: number; bytes: Buffer; complete: boolean; inbox: boolean; postInfo: unknown }

export type FakePlatforms = {
	url: string
	requests: Recorded[]
	/** Misbehave on the next request(s) whose "METHOD path" matches, after letting `skip` of them through. */
	mishap(route: RegExp, mishap: Mishap, options?: { times?: number; skip?: number }): void
	reels: Map<string, Reel>
	/** Page posts that people can see: photos, multi-photo posts, feed videos. */
	pagePosts: Array<{ id: string; kind: 'photo' | 'feed' | 'video'; message: string; attached: string[]; bytes: number }>
	unpublishedPhotos: Map<string, number>
	tiktok: Map<string, TikTokUpload>
	zaloVideos: Map<string, { videoId: string; bytes: number; checks: number }>
	zaloArticles: Array<{ id: string; token: string; body: Record<string, unknown> }>
	/** Zalo refresh tokens still unused; each works once and is replaced by a new one. */
	zaloRefreshTokens: Set<string>
	/** Numbers the insights endpoints report, by object id. */
	numbers: Map<string, { views: number; likes: number; comments: number; shares: number }>
	close(): Promise<void>
}

const VALID_TOKENS = new Set(['page-token', 'page-token-2', 'user-token-long', 'zalo-token', 'tiktok-token'])

export async function startFakePlatforms(options: { reelPollsUntilPublished?: number } = {}): Promise<FakePlatforms> {
	const mishaps: Array<{ route: RegExp; mishap: Mishap; times: number; skip: number }> = []
	let counter = 0
	const nextId = () => String(1_000_000 + ++counter)
	const hanging = new Set<http.ServerResponse>()

	const state: Omit<FakePlatforms, 'url' | 'close' | 'mishap'> = {
		requests: [],
		reels: new Map(),
		pagePosts: [],
		unpublishedPhotos: new Map(),
		tiktok: new Map(),
		zaloVideos: new Map(),
		zaloArticles: [],
		zaloRefreshTokens: new Set(['zalo-refresh-1']),
		numbers: new Map(),
	}

	const server = http.createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://fake')
		const route = `${req.method} ${url.pathname}`
		let mishap: Mishap | undefined
		const found = mishaps.find((entry) => entry.route.test(route) && entry.times > 0)
		if (found && found.skip > 0) found.skip--
		else if (found) {
			found.times--
			mishap = found.mishap
		}

		if (mishap?.kind === 'drop-halfway') {
			const expected = Number(req.headers['content-length'] ?? 0)
			const kept: Buffer[] = []
			let received = 0
			req.on('data', (chunk: Buffer) => {
				if (received >= expected / 2) return
				const part = chunk.subarray(0, Math.max(0, Math.floor(expected / 2) - received))
				kept.push(part)
				received += part.length
				if (received >= Math.floor(expected / 2)) {
					keepPartialUpload(url, req, Buffer.concat(kept))
					req.socket.destroy()
				}
			})
			return
		}

		const body = await readBody(req)
		state.requests.push({ method: req.method ?? 'GET', path: url.pathname, headers: req.headers, query: url.searchParams, body })

		const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
			if (mishap?.kind === 'accept-then-hang') {
				hanging.add(res)
				return
			}
			res.writeHead(status, { 'content-type': 'application/json', ...headers })
			res.end(JSON.stringify(payload))
		}

		try {
			if (/^\/v\d+\.\d+\/dialog\/oauth$/.test(url.pathname) || url.pathname === '/v4/oa/permission' || url.pathname === '/v2/auth/authorize/') return consent(url, res)
			if (url.pathname === '/v2.0/oa/getoa') return zaloOa(req, send)
			if (url.pathname === '/v2/user/info/') return tiktokUserInfo(req, send)
			if (url.pathname === '/v4/oa/access_token') return zaloOauth(req, body, send, mishap)
			if (url.pathname === '/v2/oauth/token/') return tiktokOauth(body, send)
			if (url.pathname === '/v2/video/query/') return tiktokVideos(req, body, send)
			if (url.pathname.startsWith('/rupload/')) return facebookUpload(req, url, body, send, mishap)
			// Zalo's Open API lives under /v2.0/article and /v2.0/oa; Graph paths under any other version.
			if (/^\/v2\.0\/(article|oa)\//.test(url.pathname)) return await zalo(req, url, body, send, mishap)
			if (/^\/v\d+\.\d+\//.test(url.pathname)) return await facebook(req, url, body, send, mishap)
			if (url.pathname.startsWith('/v2/post/')) return tiktokApi(req, url, body, send, mishap)
			if (url.pathname.startsWith('/tiktok-upload/')) return tiktokUpload(req, url, body, send, mishap)
			send(404, { error: 'no such endpoint' })
		} catch (error) {
			send(500, { error: String(error) })
		}
	})

	// ── Facebook Graph API ───────────────────────────────────────────────
	function graphError(send: Send, mishap: Mishap | undefined, token: string | null): boolean {
		if (mishap?.kind === 'server-error') {
			send(500, { error: { message: 'An unknown error has occurred.', type: 'OAuthException', code: 1, is_transient: true } })
			return true
		}
		if (mishap?.kind === 'refused') {
			send(400, { error: { message: '(#100) Invalid parameter', type: 'OAuthException', code: 100, fbtrace_id: 'Afake' } })
			return true
		}
		if (mishap?.kind === 'rate-limit') {
			send(400, { error: { message: '(#4) Application request limit reached', type: 'OAuthException', code: 4, is_transient: true } },
				mishap.retryAfterSeconds ? { 'retry-after': String(mishap.retryAfterSeconds) } : {})
			return true
		}
		if (mishap?.kind === 'expired-token' || !token || !VALID_TOKENS.has(token)) {
			send(400, {
				error: { message: 'Error validating access token: Session has expired.', type: 'OAuthException', code: 190, error_subcode: 463, fbtrace_id: 'Afake' },
			})
			return true
		}
		return false
	}

	async function facebook(req: http.IncomingMessage, url: URL, body: Buffer, send: Send, mishap: Mishap | undefined) {
		const [, , objectId, edge] = url.pathname.split('/')
		const params = await formParams(req, url, body)
		if (objectId === 'oauth' && edge === 'access_token') return facebookOauth(params, send)
		const token = params.get('access_token')
		if (graphError(send, mishap, typeof token === 'string' ? token : null)) return

		if (req.method === 'GET' && objectId === 'me' && edge === 'accounts') {
			if (token !== 'user-token-long') return graphError(send, { kind: 'expired-token' }, null)
			const all = [
				{ id: '1234', name: 'HTX Chè Shan Tuyết Suối Giàng', access_token: 'page-token', tasks: ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'] },
				{ id: '5678', name: 'Quế Văn Yên', access_token: 'page-token-2', tasks: ['ANALYZE'] },
			]
			const start = params.get('after') === 'c1' ? 1 : 0
			const data = all.slice(start, start + 1)
			return send(200, { data, paging: { cursors: { before: 'c0', after: 'c1' }, ...(start === 0 ? { next: `${baseUrl()}/next` } : {}) } })
		}
		if (req.method === 'GET' && edge === 'video_insights') {
			const numbers = state.numbers.get(objectId!)
			if (!numbers) return send(400, { error: { message: 'Object does not exist', code: 100 } })
			const metric = String(params.get('metric')).split(',')
			const values: Record<string, unknown> = {
				blue_reels_play_count: numbers.views,
				total_video_views: numbers.views,
				post_video_likes_by_reaction_type: { REACTION_LIKE: numbers.likes - 1, REACTION_LOVE: 1 },
				total_video_reactions_by_type_total: { like: numbers.likes },
				post_video_social_actions: { COMMENT: numbers.comments, SHARE: numbers.shares },
			}
			return send(200, { data: metric.filter((name) => name in values).map((name) => ({ name, period: 'lifetime', values: [{ value: values[name] }] })) })
		}
		if (req.method === 'GET' && edge === 'insights') {
			const numbers = state.numbers.get(objectId!)
			if (!numbers) return send(400, { error: { message: 'Object does not exist', code: 100 } })
			return send(200, { data: [{ name: 'post_total_media_view_unique', period: 'lifetime', values: [{ value: numbers.views }] }] })
		}
		if (req.method === 'GET' && !edge && String(params.get('fields') ?? '').includes('reactions')) {
			const numbers = state.numbers.get(objectId!)
			if (!numbers) return send(400, { error: { message: 'Object does not exist', code: 100 } })
			return send(200, { id: objectId, reactions: { data: [], summary: { total_count: numbers.likes } }, comments: { data: [], summary: { total_count: numbers.comments } }, shares: { count: numbers.shares } })
		}
		if (req.method === 'GET' && !edge) {
			const reel = state.reels.get(objectId!)
			if (reel) {
				const uploaded = reel.size !== null && reel.bytes.length >= reel.size
				let publishing = 'not_started'
				if (reel.finished > 0) {
					if (reel.pollsUntilPublished > 0) {
						reel.pollsUntilPublished--
						publishing = 'in_progress'
					} else publishing = 'complete'
				}
				return send(200, {
					id: reel.id,
					status: {
						video_status: publishing === 'complete' ? 'ready' : uploaded ? 'processing' : 'upload_incomplete',
						uploading_phase: { status: uploaded ? 'complete' : 'in_progress', bytes_transferred: reel.bytes.length },
						processing_phase: { status: reel.finished ? (publishing === 'complete' ? 'complete' : 'in_progress') : 'not_started' },
						publishing_phase: { status: publishing, ...(publishing === 'complete' ? { publish_status: 'published', publish_time: 1765100000 } : {}) },
					},
				})
			}
			if (state.pagePosts.some((post) => post.id === objectId)) return send(200, { id: objectId })
			return send(400, { error: { message: `Unsupported get request. Object with ID '${objectId}' does not exist`, type: 'GraphMethodException', code: 100, error_subcode: 33 } })
		}
		if (req.method !== 'POST') return send(400, { error: { message: 'Unsupported method', code: 100 } })

		if (edge === 'video_reels') {
			const phase = params.get('upload_phase')
			if (phase === 'start') {
				const id = nextId()
				state.reels.set(id, { id, bytes: Buffer.alloc(0), size: null, finished: 0, description: null, pollsUntilPublished: options.reelPollsUntilPublished ?? 1 })
				return send(200, { video_id: id, upload_url: `${baseUrl()}/rupload/video-upload/v24.0/${id}` })
			}
			if (phase === 'finish') {
				const reel = state.reels.get(String(params.get('video_id')))
				if (!reel) return send(400, { error: { message: 'Invalid video_id', code: 100 } })
				if (reel.size === null || reel.bytes.length < reel.size) return send(400, { error: { message: 'The video upload is not complete', code: 6000 } })
				if (!['PUBLISHED', 'DRAFT', 'SCHEDULED'].includes(String(params.get('video_state')))) {
					return send(400, { error: { message: '(#100) video_state must be one of PUBLISHED, DRAFT, SCHEDULED', code: 100 } })
				}
				reel.finished++
				reel.description = String(params.get('description') ?? '')
				return send(200, { success: true })
			}
			return send(400, { error: { message: '(#100) upload_phase must be start or finish', code: 100 } })
		}
		if (edge === 'photos') {
			const source = params.get('source')
			if (!(source instanceof Blob)) return send(400, { error: { message: '(#324) Requires upload file', code: 324 } })
			const id = nextId()
			if (params.get('published') === 'false') {
				state.unpublishedPhotos.set(id, source.size)
				return send(200, { id })
			}
			const postId = `${objectId}_${nextId()}`
			state.pagePosts.push({ id: postId, kind: 'photo', message: String(params.get('message') ?? ''), attached: [id], bytes: source.size })
			return send(200, { id, post_id: postId })
		}
		if (edge === 'feed') {
			const attached: string[] = []
			for (const [key, value] of params.entries()) {
				if (!key.startsWith('attached_media[')) continue
				const mediaId = (JSON.parse(String(value)) as { media_fbid?: string }).media_fbid
				if (!mediaId || !state.unpublishedPhotos.has(mediaId)) return send(400, { error: { message: `(#100) Invalid media_fbid ${mediaId}`, code: 100 } })
				attached.push(mediaId)
			}
			const id = `${objectId}_${nextId()}`
			state.pagePosts.push({ id, kind: 'feed', message: String(params.get('message') ?? ''), attached, bytes: 0 })
			return send(200, { id })
		}
		if (edge === 'videos') {
			const source = params.get('source')
			if (!(source instanceof Blob)) return send(400, { error: { message: '(#100) No file was uploaded', code: 100 } })
			const id = nextId()
			state.pagePosts.push({ id, kind: 'video', message: String(params.get('description') ?? ''), attached: [], bytes: source.size })
			return send(200, { id })
		}
		send(400, { error: { message: `Unknown edge ${edge}`, code: 100 } })
	}

	/** rupload: bytes at the offset the client names; the offset must be what is already held. */
	function facebookUpload(req: http.IncomingMessage, url: URL, body: Buffer, send: Send, mishap: Mishap | undefined) {
		const reel = state.reels.get(url.pathname.split('/').pop()!)
		if (!reel) return send(400, { debug_info: { type: 'NotFoundError', message: 'no such upload session' } })
		if (req.headers.authorization !== 'OAuth page-token' || mishap?.kind === 'expired-token') {
			return send(401, { debug_info: { type: 'AuthError', message: 'Invalid OAuth access token' } })
		}
		const offset = Number(req.headers.offset)
		const size = Number(req.headers.file_size)
		if (offset !== reel.bytes.length) return send(400, { debug_info: { type: 'OffsetInvalidError', message: `expected offset ${reel.bytes.length}` } })
		reel.size = size
		reel.bytes = Buffer.concat([reel.bytes, body])
		send(200, { success: true })
	}

	function keepPartialUpload(url: URL, req: http.IncomingMessage, part: Buffer) {
		if (url.pathname.startsWith('/rupload/')) {
			const reel = state.reels.get(url.pathname.split('/').pop()!)
			if (reel && Number(req.headers.offset) === reel.bytes.length) {
				reel.size = Number(req.headers.file_size)
				reel.bytes = Buffer.concat([reel.bytes, part])
			}
		}
		// TikTok keeps nothing of a chunk that did not arrive whole.
	}

	/**
	 * The consent screens (Facebook's dialog, Zalo's permission page, TikTok's
	 * authorize page) when the person agrees: straight back to redirect_uri with
	 * a code and the same state. Zalo adds the OA's id and the code is bound to
	 * the PKCE challenge; `?deny=1` on the way in answers as a refusal does.
	 */
	function consent(url: URL, res: http.ServerResponse) {
		const back = new URL(String(url.searchParams.get('redirect_uri')))
		const state = url.searchParams.get('state')
		if (state != null) back.searchParams.set('state', state)
		if (url.searchParams.get('deny') === '1') {
			back.searchParams.set('error', 'access_denied')
		} else if (url.pathname === '/v4/oa/permission') {
			back.searchParams.set('code', `zalo-code-for-${url.searchParams.get('code_challenge')}`)
			back.searchParams.set('oa_id', '4318246000000000001')
		} else {
			back.searchParams.set('code', url.pathname.startsWith('/v2/auth') ? 'tt-code' : 'fb-code')
		}
		res.writeHead(302, { location: back.toString() })
		res.end()
	}

	/** Zalo `GET /v2.0/oa/getoa`: the OA behind an access token (any token the OAuth endpoint issued). */
	function zaloOa(req: http.IncomingMessage, send: Send) {
		const token = String(req.headers.access_token ?? '')
		if (token !== 'zalo-token' && !token.startsWith('zalo-access-')) return send(200, { error: -216, message: 'Access token is invalid' })
		return send(200, { error: 0, message: 'Success', data: { oa_id: '4318246000000000001', name: 'HTX Chè Suối Giàng', avatar: 'https://s160-ava-talk.zadn.vn/a/b.jpg', num_follower: 1200 } })
	}

	/** TikTok `GET /v2/user/info/?fields=…`. */
	function tiktokUserInfo(req: http.IncomingMessage, send: Send) {
		if (tiktokError(send, undefined, req.headers.authorization)) return
		return send(200, { data: { user: { open_id: 'open-1', display_name: 'Chè Suối Giàng', avatar_url: 'https://p16.tiktokcdn.com/a.jpeg' } }, error: { code: 'ok', message: '', log_id: 'x' } })
	}

	/** Code → short-lived user token; fb_exchange_token → long-lived (about 60 days). */
	function facebookOauth(params: FormData, send: Send) {
		if (params.get('client_id') !== 'fb-app' || params.get('client_secret') !== 'fb-secret') {
			return send(400, { error: { message: 'Error validating client secret.', type: 'OAuthException', code: 1 } })
		}
		if (params.get('grant_type') === 'fb_exchange_token') {
			if (params.get('fb_exchange_token') !== 'user-token-short') return graphError(send, { kind: 'expired-token' }, null)
			return send(200, { access_token: 'user-token-long', token_type: 'bearer', expires_in: 5_183_944 })
		}
		if (params.get('code') !== 'fb-code' || !params.get('redirect_uri')) {
			return send(400, { error: { message: 'This authorization code has been used.', type: 'OAuthException', code: 100, error_subcode: 36009 } })
		}
		return send(200, { access_token: 'user-token-short', token_type: 'bearer', expires_in: 5_183 })
	}

	/** Zalo v4: secret_key header; the refresh token is single-use and rotates. */
	async function zaloOauth(req: http.IncomingMessage, body: Buffer, send: Send, mishap?: Mishap) {
		if (mishap?.kind === 'server-error') return send(502, { error: -1, message: 'Bad gateway' })
		const form = new URLSearchParams(body.toString('utf8'))
		if (req.headers.secret_key !== 'zalo-secret' || form.get('app_id') !== 'zalo-app') return send(200, { error: -14002, error_name: 'Invalid app', error_description: 'app_id or secret_key is invalid' })
		const issue = () => {
			const refresh = `zalo-refresh-${nextId()}`
			state.zaloRefreshTokens.add(refresh)
			return send(200, { access_token: `zalo-access-${nextId()}`, refresh_token: refresh, expires_in: '90000' })
		}
		if (form.get('grant_type') === 'authorization_code') {
			const verifier = form.get('code_verifier') ?? ''
			const challenge = crypto.createHash('sha256').update(verifier).digest('base64url')
			if (form.get('code') !== `zalo-code-for-${challenge}`) return send(200, { error: -14019, error_name: 'Invalid code', error_description: 'code_verifier does not match' })
			return issue()
		}
		const refresh = form.get('refresh_token') ?? ''
		if (!state.zaloRefreshTokens.delete(refresh)) return send(200, { error: -14014, error_name: 'Invalid refresh token', error_description: 'Refresh token is invalid or expired' })
		return issue()
	}

	function tiktokOauth(body: Buffer, send: Send) {
		const form = new URLSearchParams(body.toString('utf8'))
		if (form.get('client_key') !== 'tt-key' || form.get('client_secret') !== 'tt-secret') {
			return send(400, { error: 'invalid_client', error_description: 'Client key or secret is incorrect.', log_id: 'x' })
		}
		const valid = form.get('grant_type') === 'authorization_code' ? form.get('code') === 'tt-code' && !!form.get('redirect_uri') : form.get('refresh_token') === 'tt-refresh-1'
		if (!valid) return send(400, { error: 'invalid_grant', error_description: 'Authorization code or refresh token is expired or invalid.', log_id: 'x' })
		return send(200, { access_token: 'tiktok-token', expires_in: 86400, open_id: 'open-1', refresh_expires_in: 31536000, refresh_token: 'tt-refresh-2', scope: 'user.info.basic,video.upload', token_type: 'Bearer' })
	}

	function tiktokVideos(req: http.IncomingMessage, body: Buffer, send: Send) {
		if (tiktokError(send, undefined, req.headers.authorization)) return
		const ids = ((JSON.parse(body.toString('utf8') || '{}') as { filters?: { video_ids?: string[] } }).filters?.video_ids ?? []).map(String)
		const videos = ids.filter((id) => state.numbers.has(id)).map((id) => {
			const n = state.numbers.get(id)!
			return { id, view_count: n.views, like_count: n.likes, comment_count: n.comments, share_count: n.shares }
		})
		return send(200, { data: { videos, cursor: 0, has_more: false }, error: { code: 'ok', message: '', log_id: 'x' } })
	}

	// ── Zalo OA Open API ─────────────────────────────────────────────────
	async function zalo(req: http.IncomingMessage, url: URL, body: Buffer, send: Send, mishap: Mishap | undefined) {
		if (mishap?.kind === 'server-error') return send(502, { error: -1, message: 'Bad gateway' })
		if (mishap?.kind === 'rate-limit') return send(200, { error: -32, message: 'Request exceeds the rate limit' })
		const token = req.headers.access_token
		if (mishap?.kind === 'expired-token' || token !== 'zalo-token') return send(200, { error: -216, message: 'Access token is invalid' })
		if (url.pathname === '/v2.0/article/upload_video/preparevideo') {
			const form = await formParams(req, url, body)
			const file = form.get('file')
			if (!(file instanceof Blob)) return send(200, { error: -201, message: 'file is required' })
			const videoToken = `vt-${nextId()}`
			state.zaloVideos.set(videoToken, { videoId: `zv${nextId()}`, bytes: file.size, checks: 0 })
			return send(200, { error: 0, message: 'Success', data: { token: videoToken } })
		}
		if (url.pathname === '/v2.0/article/upload_video/verify') {
			const video = state.zaloVideos.get(String(req.headers.token ?? url.searchParams.get('token')))
			if (!video) return send(200, { error: -201, message: 'token is invalid' })
			video.checks++
			const ready = video.checks > 1
			return send(200, {
				error: 0,
				message: 'Success',
				data: { video_id: ready ? video.videoId : '', status: ready ? 1 : 3, convert_percent: ready ? 100 : 40, status_message: ready ? 'Thành công' : 'Đang xử lý' },
			})
		}
		const json = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>
		if (url.pathname === '/v2.0/article/create') {
			if (json.type === 'video') {
				const known = [...state.zaloVideos.values()].some((video) => video.videoId === json.video_id)
				if (!known || !json.title || !json.description) return send(200, { error: -201, message: 'title, description and video_id are required' })
			}
			const articleToken = `at-${nextId()}`
			state.zaloArticles.push({ id: `za${nextId()}`, token: articleToken, body: json })
			return send(200, { error: 0, message: 'Success', data: { token: articleToken } })
		}
		if (url.pathname === '/v2.0/article/verify') {
			const article = state.zaloArticles.find((entry) => entry.token === json.token)
			if (!article) return send(200, { error: -201, message: 'token is invalid' })
			return send(200, { error: 0, message: 'Success', data: { id: article.id } })
		}
		send(404, { error: -404, message: 'not found' })
	}

	// ── TikTok Content Posting API ───────────────────────────────────────
	function tiktokError(send: Send, mishap: Mishap | undefined, authorization: string | undefined): boolean {
		const logId = `log${counter}`
		if (mishap?.kind === 'server-error') {
			send(500, { error: { code: 'internal_error', message: 'Something went wrong. Please try again later.', log_id: logId } })
			return true
		}
		if (mishap?.kind === 'rate-limit') {
			send(429, { error: { code: 'rate_limit_exceeded', message: 'API rate limit was exceeded.', log_id: logId } },
				mishap.retryAfterSeconds ? { 'retry-after': String(mishap.retryAfterSeconds) } : {})
			return true
		}
		if (mishap?.kind === 'expired-token' || authorization !== 'Bearer tiktok-token') {
			send(401, { error: { code: 'access_token_invalid', message: 'The access token is invalid or not found in the request.', log_id: logId } })
			return true
		}
		return false
	}

	function tiktokApi(req: http.IncomingMessage, url: URL, body: Buffer, send: Send, mishap: Mishap | undefined) {
		if (tiktokError(send, mishap, req.headers.authorization)) return
		const ok = (data: unknown) => send(200, { data, error: { code: 'ok', message: '', log_id: `log${counter}` } })
		const json = JSON.parse(body.toString('utf8') || '{}') as Record<string, any>
		if (url.pathname === '/v2/post/publish/creator_info/query/') {
			return ok({
				creator_avatar_url: 'https://example.invalid/a.jpg',
				creator_username: 'htx.che.shan',
				creator_nickname: 'HTX Chè Shan Tuyết',
				privacy_level_options: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
				comment_disabled: false,
				duet_disabled: false,
				stitch_disabled: false,
				max_video_post_duration_sec: 600,
			})
		}
		if (url.pathname === '/v2/post/publish/inbox/video/init/' || url.pathname === '/v2/post/publish/video/init/') {
			const info = json.source_info ?? {}
			const size = Number(info.video_size)
			const chunkSize = Number(info.chunk_size)
			const chunks = Number(info.total_chunk_count)
			const minChunk = 5 * 1024 * 1024
			const validChunks =
				info.source === 'FILE_UPLOAD' &&
				size > 0 &&
				(size < minChunk ? chunkSize === size && chunks === 1 : chunkSize >= minChunk && chunkSize <= 64 * 1024 * 1024 && chunks === Math.floor(size / chunkSize))
			if (!validChunks) return send(400, { error: { code: 'invalid_params', message: 'The chunk size or count does not follow the media transfer rules.', log_id: 'x' } })
			const inbox = url.pathname.includes('/inbox/')
			if (!inbox) {
				const privacy = json.post_info?.privacy_level
				if (!['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'].includes(privacy)) {
					return send(400, { error: { code: 'privacy_level_option_mismatch', message: 'privacy_level is not one of the creator options', log_id: 'x' } })
				}
			}
			const publishId = `v_${inbox ? 'inbox_file' : 'pub_file'}~v2.${nextId()}`
			state.tiktok.set(publishId, { publishId, size, chunkSize, chunks, bytes: Buffer.alloc(0), complete: false, inbox, postInfo: json.post_info ?? null })
			return ok({ publish_id: publishId, upload_url: `${baseUrl()}/tiktok-upload/?upload_id=${encodeURIComponent(publishId)}` })
		}
		if (url.pathname === '/v2/post/publish/status/fetch/') {
			const upload = state.tiktok.get(String(json.publish_id))
			if (!upload) return send(400, { error: { code: 'invalid_publish_id', message: 'publish_id does not exist', log_id: 'x' } })
			const status = !upload.complete ? 'PROCESSING_UPLOAD' : upload.inbox ? 'SEND_TO_USER_INBOX' : 'PUBLISH_COMPLETE'
			return ok({ status, uploaded_bytes: upload.bytes.length, ...(status === 'PUBLISH_COMPLETE' ? { publicaly_available_post_id: [7_400_000_000_000_000_000] } : {}) })
		}
		send(404, { error: { code: 'not_found', message: 'no such endpoint', log_id: 'x' } })
	}

	function tiktokUpload(req: http.IncomingMessage, url: URL, body: Buffer, send: Send, mishap: Mishap | undefined) {
		if (mishap?.kind === 'server-error') return send(500, {})
		const upload = state.tiktok.get(String(url.searchParams.get('upload_id')))
		if (!upload) return send(404, {})
		const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers['content-range']))
		if (!range || Number(range[3]) !== upload.size || Number(range[2]) - Number(range[1]) + 1 !== body.length) return send(400, {})
		const first = Number(range[1])
		if (first !== upload.bytes.length) return send(416, {})
		upload.bytes = Buffer.concat([upload.bytes, body])
		if (upload.bytes.length === upload.size) {
			upload.complete = true
			return send(201, {})
		}
		send(206, {})
	}

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const baseUrl = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	return {
		...state,
		url: baseUrl(),
		mishap(route, mishap, { times = 1, skip = 0 } = {}) {
			mishaps.push({ route, mishap, times, skip })
		},
		close: () =>
			new Promise((resolve) => {
				for (const res of hanging) res.destroy()
				server.closeAllConnections()
				server.close(() => resolve())
			}),
	}
}

type Send = (status: number, payload: unknown, headers?: Record<string, string>) => void

function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = []
		req.on('data', (chunk: Buffer) => chunks.push(chunk))
		req.on('end', () => resolve(Buffer.concat(chunks)))
		req.on('error', reject)
	})
}

/** Query string, urlencoded or multipart form, as the Graph API accepts them all. */
async function formParams(req: http.IncomingMessage, url: URL, body: Buffer): Promise<FormData> {
	const form = new FormData()
	for (const [key, value] of url.searchParams) form.append(key, value)
	const type = req.headers['content-type'] ?? ''
	if (req.method === 'POST' && (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded'))) {
		const parsed = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(body) }).formData()
		for (const [key, value] of parsed) form.append(key, value)
	}
	return form
}
