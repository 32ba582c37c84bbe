import type { CaptionTimingView } from '~/studio/captions/caption-timing-status.ts'
import type { RenderStatus } from '~/studio/edits/render-status.ts'

// Every event that travels over /events, by name, with its payload: the one
// list, beside the job registry (app/jobs/definitions.ts). The publishers
// (app/utils/events.server.ts accepts nothing else) and the browser hook
// (app/utils/use-coop-events.ts) import it; a new event is added here first
// (docs/decisions/106-typed-live-events.md). Events are hints to refresh, so
// payloads carry ids and small values, never whole records.

export interface CoopEventPayloads {
	'media.created': { mediaId: string; status: string }
	'media.updated': { mediaId: string; status: string }
	/** Processing progress of one file, 0–100. */
	'media.progress': { mediaId: string; percent: number }
	'media.edited': { mediaId: string }
	'media.deleted': { mediaId: string }
	'media.analysed': { mediaId: string }
	/** Render progress, 0–99 (100 comes with `render.updated` to ready). */
	'render.progress': { renderId: string; editId: string; progress: number }
	'render.updated': { renderId: string; editId: string; status: RenderStatus }
	'photo-post.updated': { photoPostId: string; status: 'queued' | 'rendering' | 'ready' | 'failed' }
	/** A caption timing (silence detection or transcription) moved; once ready it carries the lines. */
	'caption-timing.updated': CaptionTimingView
	/** One post target (post × channel) changed state. */
	'post.target.updated': { postId: string; targetId: string; channelId: string; state: string }
	/** A post was created, edited, rescheduled, approved or sent back. */
	'post.updated': { postId: string }
	/** A channel was connected, refreshed, removed, or needs reconnecting. */
	'channel.updated': { channelId: string; state: string }
	/** A new in-app notification for one member (others ignore it). */
	'notification.created': { userId: string; notificationId: string }
	/** An order arrived from any source (web, staff, webhook, live, import). */
	'order.created': { orderId: string; number: number; source: string }
	/** An order changed state or was edited. */
	'order.updated': { orderId: string; state: string }
	/** A marketplace import was committed (the dashboard refreshes once, not per order). */
	'orders.imported': { importId: string; added: number }
	/** Livestream: a comment arrived (pasted, imported or read from the platform). */
	'live.comment': { sessionId: string; commentId: string; intent: string }
	/** Livestream: a pending order was created, changed, confirmed, merged or rejected. */
	'live.intent.updated': { sessionId: string; intentId: string; state: string }
	/** Livestream: the product on screen changed, the session started/ended, or its comment reading (pollState/pollError) moved. */
	'live.session.updated': { sessionId: string; onScreenItemId: string | null; state: string; pollState?: string | null; pollError?: string | null }
}

export type CoopEventType = keyof CoopEventPayloads

/** One event of the registry: `{ type, ...payload }`, a discriminated union on `type`. */
export type CoopEvent = { [T in CoopEventType]: { type: T } & CoopEventPayloads[T] }[CoopEventType]

/** The events of one or more types, e.g. `CoopEventOf<'render.progress'>`. */
export type CoopEventOf<T extends CoopEventType> = Extract<CoopEvent, { type: T }>

// A record, not a list, so that a type added above and forgotten here does not compile.
const EVENT_TYPES: Record<CoopEventType, true> = {
	'media.created': true,
	'media.updated': true,
	'media.progress': true,
	'media.edited': true,
	'media.deleted': true,
	'media.analysed': true,
	'render.progress': true,
	'render.updated': true,
	'photo-post.updated': true,
	'caption-timing.updated': true,
	'post.target.updated': true,
	'post.updated': true,
	'channel.updated': true,
	'notification.created': true,
	'order.created': true,
	'order.updated': true,
	'orders.imported': true,
	'live.comment': true,
	'live.intent.updated': true,
	'live.session.updated': true,
}

export function isCoopEventType(value: unknown): value is CoopEventType {
	return typeof value === 'string' && Object.hasOwn(EVENT_TYPES, value)
}

/** True for an object naming a registered event: what arrives from Redis or the stream is checked with it. */
export function isCoopEvent(value: unknown): value is CoopEvent {
	return typeof value === 'object' && value !== null && isCoopEventType((value as { type?: unknown }).type)
}
