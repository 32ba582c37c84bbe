import { useEffect, useRef, useState } from 'react'
import { isActiveCaptionTimingStatus, type CaptionTimingView } from '~/studio/captions/caption-timing-status.ts'
import type { CaptionLine } from '~/studio/captions/schema.ts'
import { useCoopEvents } from '~/utils/use-coop-events.ts'

/**
 * The caption timing this screen asked for, followed live: the action's
 * answer starts it (`follow`), `caption-timing.updated` events move it, and
 * the page's data (after a reload, or a revalidation after a reconnection)
 * catches up with what an event missed. When it is ready its lines go to
 * `onLines` once, like any other change to the draft.
 */
export function useCaptionTiming(loaded: CaptionTimingView | null, onLines: (lines: CaptionLine[]) => void) {
	const [timing, setTiming] = useState<CaptionTimingView | null>(loaded)
	const applied = useRef<string | null>(null)
	const latestOnLines = useRef(onLines)
	latestOnLines.current = onLines

	// A quick timing can finish before the action's answer arrives: the answer then adopts what was heard.
	const heard = useRef(new Map<string, CaptionTimingView>())
	useCoopEvents((event) => {
		if (event.type !== 'caption-timing.updated') return
		const update: CaptionTimingView = event
		heard.current.set(update.captionTimingId, update)
		setTiming((current) => (movesOn(current, update) ? update : current))
	})
	const follow = (asked: CaptionTimingView) => setTiming(heard.current.get(asked.captionTimingId) ?? asked)
	useEffect(() => {
		if (loaded) setTiming((current) => (movesOn(current, loaded) && current?.status !== loaded.status ? loaded : current))
	}, [loaded])
	useEffect(() => {
		if (timing?.status !== 'ready' || !timing.lines || applied.current === timing.captionTimingId) return
		applied.current = timing.captionTimingId
		latestOnLines.current(timing.lines)
	}, [timing])

	return { timing, follow }
}

/** A newer state of the timing on screen; a finished one stays as it is. */
function movesOn(current: CaptionTimingView | null, next: CaptionTimingView): boolean {
	return current?.captionTimingId === next.captionTimingId && isActiveCaptionTimingStatus(current.status)
}
