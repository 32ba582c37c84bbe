import type { CaptionLine } from './schema.ts'
import type { CaptionTimingProblem } from './timing-error.ts'

// The life of a CaptionTiming row (prisma/schema/studio.prisma), shared by
// the studio screen, the web action and the caption-timing worker.

export const CAPTION_TIMING_KINDS = ['speech', 'transcribe'] as const
export type CaptionTimingKind = (typeof CAPTION_TIMING_KINDS)[number]

export const CAPTION_TIMING_STATUSES = ['queued', 'running', 'ready', 'failed'] as const
export type CaptionTimingStatus = (typeof CAPTION_TIMING_STATUSES)[number]

/** Statuses in which work is still owed: a reconciler watches these. */
export const ACTIVE_CAPTION_TIMING_STATUSES = ['queued', 'running'] as const satisfies readonly CaptionTimingStatus[]

export function isActiveCaptionTimingStatus(status: string): boolean {
	return (ACTIVE_CAPTION_TIMING_STATUSES as readonly string[]).includes(status)
}

/** What the screen knows of one caption timing: its state and, once done, the lines or the problem. */
export type CaptionTimingView = {
	captionTimingId: string
	editId: string
	kind: CaptionTimingKind
	status: CaptionTimingStatus
	lines?: CaptionLine[]
	timedBy?: 'speech' | 'even'
	error?: { problem: CaptionTimingProblem; params: Record<string, string | number> }
	finishedAt?: string
}
