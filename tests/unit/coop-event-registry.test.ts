import { expect, test } from 'vitest'
import { isCoopEvent, type CoopEvent } from '~/events/registry.ts'
import type { publishCoopEvent } from '~/utils/events.server.ts'

// The registry (app/events/registry.ts) is the only way an event is sent:
// the lines marked @ts-expect-error must not compile (`npx tsc --noEmit`
// fails if one of them ever does), and the receiving side drops anything
// the registry does not name.

type Publishable = Parameters<typeof publishCoopEvent>[1]

function publishable(event: Publishable): CoopEvent {
	return event
}

test('only events of the registry, with their own payload, can be published', () => {
	expect(publishable({ type: 'render.progress', renderId: 'r1', editId: 'e1', progress: 40 }).type).toBe('render.progress')
	// @ts-expect-error: a name the registry does not know
	publishable({ type: 'media.exploded', mediaId: 'm1' })
	// @ts-expect-error: a known name with another event's payload
	publishable({ type: 'render.progress', renderId: 'r1', percent: 40 })
	// @ts-expect-error: a known name with a payload missing a field
	publishable({ type: 'photo-post.updated', photoPostId: 'p1' })
	// @ts-expect-error: a status a Render never has
	publishable({ type: 'render.updated', renderId: 'r1', editId: 'e1', status: 'exploded' })
})

test('what arrives is kept only when the registry names it', () => {
	expect(isCoopEvent({ type: 'media.updated', mediaId: 'm1', status: 'ready' })).toBe(true)
	expect(isCoopEvent({ type: 'media.exploded', mediaId: 'm1' })).toBe(false)
	expect(isCoopEvent({ type: 'toString' })).toBe(false)
	expect(isCoopEvent({ mediaId: 'm1' })).toBe(false)
	expect(isCoopEvent('media.updated')).toBe(false)
	expect(isCoopEvent(null)).toBe(false)
})
