import type { CoopEventOf } from '~/events/registry.ts'
import { publishCoopEvent } from '~/utils/events.server.ts'

export type MediaEvent = CoopEventOf<'media.created' | 'media.updated' | 'media.progress' | 'media.edited' | 'media.deleted' | 'media.analysed'>

/**
 * Tells open library pages of the co-op that a media item changed. A lost
 * event only delays a refresh, so a Redis hiccup is logged and never fails
 * the work that caused it.
 */
export async function announceMedia(coopId: string, event: MediaEvent) {
	await publishCoopEvent(coopId, event).catch((error: Error) => {
		console.error(`media event ${event.type} for ${event.mediaId} not published:`, error.message)
	})
}
