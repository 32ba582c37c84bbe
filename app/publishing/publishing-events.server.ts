import type { CoopEvent, CoopEventOf } from '~/events/registry.ts'
import { publishCoopEvent } from '~/utils/events.server.ts'

// Telling the co-op's open pages that a post, a target, a channel or a
// notification moved. The rows are the record; a lost event only delays a
// refresh, so a Redis hiccup is logged and never fails the work that caused it.

async function announce(coopId: string, event: CoopEvent, about: string) {
	await publishCoopEvent(coopId, event).catch((error: Error) => {
		console.error(`publishing event ${event.type} for ${about} not published:`, error.message)
	})
}

export function announceTarget(coopId: string, target: { id: string; postId: string; channelId: string; state: string }) {
	const event: CoopEventOf<'post.target.updated'> = { type: 'post.target.updated', postId: target.postId, targetId: target.id, channelId: target.channelId, state: target.state }
	return announce(coopId, event, target.id)
}

export function announcePost(coopId: string, postId: string) {
	return announce(coopId, { type: 'post.updated', postId }, postId)
}

export function announceChannel(coopId: string, channel: { id: string; state: string }) {
	return announce(coopId, { type: 'channel.updated', channelId: channel.id, state: channel.state }, channel.id)
}

export function announceNotification(coopId: string, userId: string, notificationId: string) {
	return announce(coopId, { type: 'notification.created', userId, notificationId }, notificationId)
}
