import type { CoopEvent, CoopEventOf } from '~/events/registry.ts'
import type { CaptionTimingView } from '~/studio/captions/caption-timing-status.ts'
import { publishCoopEvent } from '~/utils/events.server.ts'

// Telling the co-op's open studio pages that something moved. The rows are
// the record; a lost event only delays a refresh, so a Redis hiccup is logged
// and never fails the work that caused it.

async function announce(coopId: string, event: CoopEvent, about: string) {
	await publishCoopEvent(coopId, event).catch((error: Error) => {
		console.error(`studio event ${event.type} for ${about} not published:`, error.message)
	})
}

export function announceRender(coopId: string, event: CoopEventOf<'render.progress' | 'render.updated'>) {
	return announce(coopId, event, event.renderId)
}

export function announcePhotoPost(coopId: string, event: CoopEventOf<'photo-post.updated'>) {
	return announce(coopId, event, event.photoPostId)
}

export function announceCaptionTiming(coopId: string, captionTiming: CaptionTimingView) {
	const event: CoopEventOf<'caption-timing.updated'> = { type: 'caption-timing.updated', ...captionTiming }
	return announce(coopId, event, captionTiming.captionTimingId)
}
