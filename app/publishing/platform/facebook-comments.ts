// Facebook Page comments for the live console (issue 13): hiding a comment
// that shows a buyer's phone number, and the one private reply a Page may send
// to a comment. Written from Meta's Graph API reference (Comment: POST
// /{comment-id} with is_hidden; Private Replies: POST /{page-id}/messages with
// recipient.comment_id, once per comment, within 7 days). No database, no Remix.

import { PlatformError, kindForStatus } from './errors.ts'
import { field, request, type HttpAnswer } from './http.ts'

export type GraphSettings = { facebookGraphUrl: string; facebookGraphVersion: string; requestTimeoutMs: number }

function graphUrl(settings: GraphSettings, path: string) {
	return `${settings.facebookGraphUrl.replace(/\/+$/, '')}/${settings.facebookGraphVersion}/${path}`
}

const AUTH_CODES = new Set([190, 102, 10, 200])

function check(answer: HttpAnswer, what: string) {
	const error = field(answer.json, 'error') as { message?: string; code?: number } | undefined
	if (answer.status < 400 && !error) return
	const code = error?.code
	const kind = code !== undefined && AUTH_CODES.has(code) ? 'auth' : kindForStatus(answer.status)
	throw new PlatformError(kind, `Facebook refused ${what}: ${error?.message ?? `HTTP ${answer.status}`}`, { platformCode: code ?? answer.status })
}

/** Hides (or shows again) one comment on the Page's live video; the commenter and their friends still see it. */
export async function hideFacebookComment(settings: GraphSettings, pageToken: string, commentId: string, hidden = true): Promise<void> {
	const body = new URLSearchParams({ is_hidden: String(hidden), access_token: pageToken })
	const answer = await request(graphUrl(settings, encodeURIComponent(commentId)), settings.requestTimeoutMs, { method: 'POST', body, commits: true })
	check(answer, 'hiding the comment')
}

/** Sends the one private reply (Messenger) to the author of a comment on the Page. */
export async function privateReplyToComment(settings: GraphSettings, pageToken: string, pageId: string, commentId: string, message: string): Promise<void> {
	const body = JSON.stringify({ recipient: { comment_id: commentId }, message: { text: message }, messaging_type: 'RESPONSE' })
	const answer = await request(`${graphUrl(settings, `${encodeURIComponent(pageId)}/messages`)}?access_token=${encodeURIComponent(pageToken)}`, settings.requestTimeoutMs, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body,
		commits: true,
	})
	check(answer, 'the private reply')
}
