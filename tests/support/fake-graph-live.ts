// A local stand-in for the Graph API's live video endpoints, written from
// Meta's documentation, not from our client: GET /{live-video-id}/comments
// (live_filter, order=chronological, since in unix seconds, fields, limit,
// cursor paging with paging.next), GET /{live-video-id}?fields=status (LIVE,
// then VOD once the broadcast is over), GET /{page-id}/live_videos. Usage
// headers (x-app-usage, x-business-use-case-usage) on every answer; and the
// documented failures on demand: an expired token (190), a missing
// permission (10/200), a rate limit (4/17/32/613 with the usage header
// saying when access returns), a 500, or no answer at all.

import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type FakeComment = { id: string; message: string; from?: { id: string; name: string }; createdMs: number }
export type LiveMishap =
	| { kind: 'expired-token' }
	| { kind: 'permission'; code?: 10 | 200 }
	| { kind: 'rate-limit'; code?: 4 | 17 | 32 | 613; regainMinutes?: number }
	| { kind: 'server-error' }
	| { kind: 'hang' }

export type FakeGraphLive = {
	/** POSTs received (hide, private reply), with their raw bodies. */
	posts: Array<{ path: string; body: string }>
	/** Comment ids hidden through POST /{comment-id} is_hidden=true. */
	hidden: Set<string>
	/** Private replies sent through POST /{page-id}/messages. */
	replies: Array<{ pageId: string; commentId: string; text: string }>
	url: string
	/** Every request: path and query. */
	requests: Array<{ path: string; query: URLSearchParams }>
	addLive(videoId: string, options?: { pageId?: string; title?: string; status?: string; createdMs?: number }): void
	/** A viewer comments now (or at `createdMs`); returns the comment. */
	comment(videoId: string, message: string, from?: { id: string; name: string }, createdMs?: number): FakeComment
	/** The broadcast ends: the video becomes a replay (VOD). */
	end(videoId: string): void
	/** The next `times` requests whose path matches misbehave. */
	mishap(route: RegExp, mishap: LiveMishap, times?: number): void
	/** Percent reported in x-app-usage (call_count); 0 by default. */
	usagePercent: number
	/** Page size when the client asks for none smaller. */
	pageSize: number
	close(): Promise<void>
}

const VALID_TOKENS = new Set(['page-token', 'page-token-2'])

export async function startFakeGraphLive(): Promise<FakeGraphLive> {
	const lives = new Map<string, { pageId: string; title: string; status: string; createdMs: number; comments: FakeComment[] }>()
	const mishaps: Array<{ route: RegExp; mishap: LiveMishap; times: number }> = []
	const hanging = new Set<http.ServerResponse>()
	let counter = 0

	const server = http.createServer((req, res) => {
		if (req.method === 'POST') {
			let raw = ''
			req.setEncoding('utf8')
			req.on('data', (chunk: string) => (raw += chunk))
			req.on('end', () => answerPost(req, res, raw))
			return
		}
		const url = new URL(req.url ?? '/', 'http://fake')
		fake.requests.push({ path: url.pathname, query: url.searchParams })
		const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
			res.writeHead(status, {
				'content-type': 'application/json',
				'x-app-usage': JSON.stringify({ call_count: fake.usagePercent, total_cputime: 1, total_time: 1 }),
				...headers,
			})
			res.end(JSON.stringify(body))
		}
		const found = mishaps.find((entry) => entry.times > 0 && entry.route.test(url.pathname))
		if (found) {
			found.times--
			const mishap = found.mishap
			if (mishap.kind === 'hang') return void hanging.add(res)
			if (mishap.kind === 'server-error') return send(500, { error: { message: 'An unknown error has occurred.', type: 'OAuthException', code: 1, is_transient: true } })
			if (mishap.kind === 'expired-token') return send(400, { error: { message: 'Error validating access token: Session has expired.', type: 'OAuthException', code: 190, error_subcode: 463 } })
			if (mishap.kind === 'permission') return send(403, { error: { message: '(#10) This endpoint requires the pages_read_engagement permission.', type: 'OAuthException', code: mishap.code ?? 10 } })
			const code = mishap.code ?? 32
			return send(400, { error: { message: `(#${code}) Page request limit reached`, type: 'OAuthException', code, is_transient: true } }, {
				'x-business-use-case-usage': JSON.stringify({ '1234': [{ type: 'pages', call_count: 100, total_cputime: 40, total_time: 40, estimated_time_to_regain_access: mishap.regainMinutes ?? 1 }] }),
			})
		}
		const parts = url.pathname.split('/').filter(Boolean)
		if (parts.length < 2 || !/^v\d+\.\d+$/.test(parts[0]!)) return send(404, { error: { message: 'Unknown path', code: 803 } })
		if (!VALID_TOKENS.has(url.searchParams.get('access_token') ?? '')) {
			return send(400, { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } })
		}
		const [, objectId, edge] = parts
		if (edge === 'live_videos') {
			const data = [...lives.entries()]
				.filter(([, live]) => live.pageId === objectId)
				.sort(([, a], [, b]) => b.createdMs - a.createdMs)
				.map(([id, live]) => ({ id, title: live.title, status: live.status, creation_time: graphTime(live.createdMs) }))
			return send(200, { data: data.slice(0, Number(url.searchParams.get('limit') ?? 25)), paging: { cursors: { before: 'b', after: 'a' } } })
		}
		const live = lives.get(objectId!)
		if (!live) return send(400, { error: { message: `(#100) Object with ID '${objectId}' does not exist`, type: 'GraphMethodException', code: 100, error_subcode: 33 } })
		if (!edge) return send(200, { id: objectId, status: live.status })
		if (edge !== 'comments') return send(400, { error: { message: '(#100) Unknown edge', code: 100 } })
		// Documented defaults: reverse_chronological unless asked; live_filter filters low quality comments unless no_filter.
		const since = url.searchParams.get('since')
		let list = live.comments.filter((comment) => since === null || comment.createdMs >= Number(since) * 1000)
		if (url.searchParams.get('order') !== 'chronological') list = [...list].reverse()
		const limit = Math.min(Number(url.searchParams.get('limit') ?? fake.pageSize), fake.pageSize)
		const start = Number(Buffer.from(url.searchParams.get('after') ?? 'MA==', 'base64').toString()) || 0
		const page = list.slice(start, start + limit)
		const fields = url.searchParams.get('fields') ?? 'id,message,created_time'
		const data = page.map((comment) => ({
			id: comment.id,
			...(fields.includes('message') ? { message: comment.message } : {}),
			...(fields.includes('from') && comment.from ? { from: comment.from } : {}),
			created_time: graphTime(comment.createdMs),
		}))
		const cursor = (index: number) => Buffer.from(String(index)).toString('base64')
		const next = new URL(`${fake.url}${url.pathname}`)
		for (const [key, value] of url.searchParams) if (key !== 'after') next.searchParams.set(key, value)
		next.searchParams.set('after', cursor(start + limit))
		const paging = { cursors: { before: cursor(start), after: cursor(start + page.length) }, ...(start + limit < list.length ? { next: next.toString() } : {}) }
		return send(200, { data, paging })
	})
	// Comment: POST /{comment-id} is_hidden=true (form body, token in the body) → {"success": true}.
	// Private Replies: POST /{page-id}/messages?access_token= with {"recipient": {"comment_id"}, "message": {"text"}}
	// → {"recipient_id", "message_id"}; a second reply to one comment → (#10900) Activity already replied to.
	function answerPost(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
		const url = new URL(req.url ?? '/', 'http://fake')
		const send = (status: number, body: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' })
			res.end(JSON.stringify(body))
		}
		const parts = url.pathname.split('/').filter(Boolean)
		const form = new URLSearchParams(raw)
		const token = url.searchParams.get('access_token') ?? form.get('access_token') ?? ''
		fake.posts.push({ path: url.pathname, body: raw })
		if (!VALID_TOKENS.has(token)) return send(400, { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } })
		const allComments = [...lives.values()].flatMap((live) => live.comments)
		if (parts.length === 2) {
			if (!allComments.some((c) => c.id === parts[1])) return send(400, { error: { message: `(#100) Object with ID '${parts[1]}' does not exist`, code: 100 } })
			if (form.get('is_hidden') === 'true') fake.hidden.add(parts[1]!)
			else fake.hidden.delete(parts[1]!)
			return send(200, { success: true })
		}
		if (parts.length === 3 && parts[2] === 'messages') {
			let body: { recipient?: { comment_id?: string }; message?: { text?: string } } = {}
			try {
				body = JSON.parse(raw) as typeof body
			} catch {
				return send(400, { error: { message: '(#100) Invalid JSON', code: 100 } })
			}
			const commentId = body.recipient?.comment_id ?? ''
			if (!allComments.some((c) => c.id === commentId)) return send(400, { error: { message: '(#100) Invalid comment_id', code: 100 } })
			if (fake.replies.some((r) => r.commentId === commentId)) return send(400, { error: { message: '(#10900) Activity already replied to', type: 'OAuthException', code: 10900 } })
			fake.replies.push({ pageId: parts[1]!, commentId, text: body.message?.text ?? '' })
			return send(200, { recipient_id: `psid-${fake.replies.length}`, message_id: `m_${fake.replies.length}` })
		}
		return send(404, { error: { message: 'Unknown path', code: 803 } })
	}

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const fake: FakeGraphLive = {
		posts: [],
		hidden: new Set<string>(),
		replies: [],
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		requests: [],
		usagePercent: 0,
		pageSize: 25,
		addLive(videoId, options = {}) {
			lives.set(videoId, { pageId: options.pageId ?? '1234', title: options.title ?? 'Live', status: options.status ?? 'LIVE', createdMs: options.createdMs ?? Date.now(), comments: [] })
		},
		comment(videoId, message, from, createdMs = Date.now()) {
			const comment = { id: `${videoId}_${++counter}`, message, from, createdMs }
			lives.get(videoId)!.comments.push(comment)
			return comment
		},
		end(videoId) {
			lives.get(videoId)!.status = 'VOD'
		},
		mishap(route, mishap, times = 1) {
			mishaps.push({ route, mishap, times })
		},
		async close() {
			for (const res of hanging) res.destroy()
			server.closeAllConnections()
			await new Promise<void>((resolve) => server.close(() => resolve()))
		},
	}
	return fake
}

/** Graph's time format: "2026-12-07T05:00:00+0000". */
function graphTime(ms: number) {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000')
}
