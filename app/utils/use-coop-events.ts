import { useRevalidator } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { isCoopEvent, type CoopEvent } from '~/events/registry.ts'

// One EventSource on /events per browser tab, shared by every component that
// listens (server/events.ts relays the active co-op's events). The browser
// reconnects by itself; since events missed meanwhile are lost, listeners are
// told about a reconnection so that they can reload what they show.

type Listener = { onEvent: (event: CoopEvent) => void; onReconnect?: () => void }

const listeners = new Set<Listener>()
let source: EventSource | null = null

function connect() {
	if (source || typeof EventSource === 'undefined') return
	let openedBefore = false
	source = new EventSource('/events')
	source.onopen = () => {
		if (openedBefore) for (const listener of listeners) listener.onReconnect?.()
		openedBefore = true
	}
	source.onmessage = (message) => {
		let event: unknown
		try {
			event = JSON.parse(message.data as string)
		} catch {
			return
		}
		if (!isCoopEvent(event)) return
		for (const listener of listeners) listener.onEvent(event)
	}
}

function disconnectWhenUnused() {
	if (listeners.size > 0 || !source) return
	source.close()
	source = null
}

/** Calls `onEvent` for every event of the active co-op while the component is mounted. */
export function useCoopEvents(onEvent: (event: CoopEvent) => void, onReconnect?: () => void) {
	const latest = useRef({ onEvent, onReconnect })
	latest.current = { onEvent, onReconnect }
	useEffect(() => {
		const listener: Listener = {
			onEvent: (event) => latest.current.onEvent(event),
			onReconnect: () => latest.current.onReconnect?.(),
		}
		listeners.add(listener)
		connect()
		return () => {
			listeners.delete(listener)
			disconnectWhenUnused()
		}
	}, [])
}

/**
 * Reloads the page's loaders when an event matching `matches` arrives (and
 * after a reconnection). Bursts are folded into one reload.
 */
export function useRevalidateOnCoopEvents(matches: (event: CoopEvent) => boolean, delayMs = 250) {
	const revalidator = useRevalidator()
	const timer = useRef<ReturnType<typeof setTimeout>>()
	const schedule = () => {
		clearTimeout(timer.current)
		timer.current = setTimeout(() => revalidator.revalidate(), delayMs)
	}
	useEffect(() => () => clearTimeout(timer.current), [])
	useCoopEvents((event) => matches(event) && schedule(), schedule)
}
