import type { CaptionTimingUpdatedEvent, CaptionTimingView } from '~/studio/captions/caption-timing-status.ts'
import { publishCoopEvent, type CoopEvent } from '~/utils/events.server.ts'
import type { RenderProgressEvent, RenderUpdatedEvent } from './render-status.ts'

// Telling the co-op's open studio pages that something moved. The rows are
// the record; a lost event only delays a refresh, so a Redis hiccup is logged
// and never fails the work that caused it.

export type PhotoPostUpdatedEvent = { type: 'photo-post.updated'; photoPostId: string; status: string }

async function announce(coopId: string, event: CoopEvent, about: string) {
	await publishCoopEvent(coopId, event).catch((error: Error) => {
		console.error(`studio event ${event.type} for ${about} not published:`, error.message)
	})
}

export function announceRender(coopId: string, event: RenderProgressEvent | RenderUpdatedEvent) {
	return announce(coopId, event, event.renderId)
}

export function announcePhotoPost(coopId: string, event: PhotoPostUpdatedEvent) {
	return announce(coopId, event, event.photoPostId)
}

export function announceCaptionTiming(coopId: string, captionTiming: CaptionTimingView) {
	const event: CaptionTimingUpdatedEvent = { type: 'caption-timing.updated', ...captionTiming }
	return announce(coopId, event, captionTiming.captionTimingId)
}
