import { useEffect, useState } from 'react'
import { useCoopEvents, useRevalidateOnCoopEvents } from '~/utils/use-coop-events.ts'

/**
 * Live renders of one edit: progress from the event stream as it comes
 * (returned by render id), and a reload of the page's data when a render
 * changes state, so the row, the player and the download appear by themselves.
 */
export function useRenderEvents(editId: string): Record<string, number> {
	const [progress, setProgress] = useState<Record<string, number>>({})
	useCoopEvents((event) => {
		if (event.type !== 'render.progress' || event.editId !== editId) return
		const { renderId, progress: value } = event
		setProgress((current) => ({ ...current, [renderId]: Math.max(current[renderId] ?? 0, value) }))
	})
	useRevalidateOnCoopEvents((event) => event.type === 'render.updated' && event.editId === editId)
	useEffect(() => setProgress({}), [editId])
	return progress
}
