import { QUEUES, jobIds } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import {
	ACTIVE_CAPTION_TIMING_STATUSES,
	type CaptionTimingKind,
	type CaptionTimingStatus,
	type CaptionTimingView,
} from '~/studio/captions/caption-timing-status.ts'
import { captionLineSchema, type CaptionLine } from '~/studio/captions/schema.ts'
import type { CaptionTimingProblem } from '~/studio/captions/timing-error.ts'
import { isTranscriptionConfigured } from '~/studio/captions/transcribe.server.ts'
import type { SpecIssue } from '~/studio/spec/issues.ts'
import { getDb } from '~/utils/db.server.ts'
import { requireEdit } from './edits.server.ts'
import { announceCaptionTiming } from './studio-events.server.ts'
import { validateEdit } from './validate-edit.server.ts'

// Caption timing as background work (docs/decisions/101-caption-timing-jobs.md):
// the web request validates, writes a CaptionTiming row and queues its job,
// then answers at once; the caption-timing worker (workers/captions) runs
// ffmpeg or the transcription, stores the lines on the row and tells the
// editor over the co-op's event bus. The row is the record: a reload, or a
// browser that missed the event, reads the result from it.

type CaptionTimingRow = {
	id: string
	editId: string
	kind: string
	status: string
	lines: string | null
	timedBy: string | null
	errorCode: string | null
	errorParams: string | null
	finishedAt: Date | null
}

export function toCaptionTimingView(row: CaptionTimingRow): CaptionTimingView {
	return {
		captionTimingId: row.id,
		editId: row.editId,
		kind: row.kind as CaptionTimingKind,
		status: row.status as CaptionTimingStatus,
		...(row.lines ? { lines: captionLineSchema.array().parse(JSON.parse(row.lines)) } : {}),
		...(row.timedBy ? { timedBy: row.timedBy as 'speech' | 'even' } : {}),
		...(row.errorCode ? { error: { problem: row.errorCode as CaptionTimingProblem, params: row.errorParams ? JSON.parse(row.errorParams) : {} } } : {}),
		...(row.finishedAt ? { finishedAt: row.finishedAt.toISOString() } : {}),
	}
}

export type CaptionTimingRequest = {
	coopId: string
	userId: string
	editId: string
	kind: CaptionTimingKind
	/** The spec on screen, unsaved changes included: its clips are the ones listened to. */
	spec: unknown
	/** The typed lines to lay over the speech (kind 'speech'). */
	texts?: string[]
}

export type CaptionTimingRequestResult =
	| { ok: true; captionTiming: CaptionTimingView }
	| { ok: false; issues: SpecIssue[] }
	| { ok: false; problem: CaptionTimingProblem }

/** Validates the request, writes its row and queues its job. Nothing here reads a media file. */
export async function requestCaptionTiming({ coopId, userId, editId, kind, spec, texts }: CaptionTimingRequest): Promise<CaptionTimingRequestResult> {
	await requireEdit(coopId, editId)
	const validated = await validateEdit(coopId, spec)
	if (!validated.ok) return validated
	if (kind === 'transcribe' && !isTranscriptionConfigured()) return { ok: false, problem: 'noKey' }
	const row = await getDb().captionTiming.create({
		data: {
			coopId,
			editId,
			kind,
			spec: JSON.stringify(validated.spec),
			texts: kind === 'speech' ? JSON.stringify(texts ?? []) : null,
			requestedById: userId,
		},
	})
	const captionTiming = toCaptionTimingView(row)
	// Announced before queuing: a waiting worker may announce `running` at once.
	await announceCaptionTiming(coopId, captionTiming)
	await enqueueCaptionTimingJob(row.id)
	return { ok: true, captionTiming }
}

export async function enqueueCaptionTimingJob(captionTimingId: string) {
	await getQueue(QUEUES.captionTiming).add('time', { captionTimingId }, { jobId: jobIds.captionTiming(captionTimingId) })
}

/**
 * The caption timing the editor shows on opening, for the person who asked:
 * one still running, or a result that came after the edit was last saved
 * (its lines are not in any save yet). Older results are history.
 */
export async function pendingCaptionTiming(coopId: string, editId: string, userId: string): Promise<CaptionTimingView | null> {
	const edit = await requireEdit(coopId, editId)
	const row = await getDb().captionTiming.findFirst({ where: { coopId, editId, requestedById: userId }, orderBy: { createdAt: 'desc' } })
	if (!row) return null
	const unseen = row.status === 'queued' || row.status === 'running' || (row.finishedAt !== null && row.finishedAt > edit.updatedAt)
	return unseen ? toCaptionTimingView(row) : null
}

/** What the worker needs to run one caption timing; null when it is no longer owed (done, failed, or its edit deleted). */
export async function startCaptionTiming(captionTimingId: string) {
	const db = getDb()
	const { count } = await db.captionTiming.updateMany({
		where: { id: captionTimingId, status: { in: [...ACTIVE_CAPTION_TIMING_STATUSES] } },
		data: { status: 'running' },
	})
	if (count === 0) return null
	const row = await db.captionTiming.findUniqueOrThrow({ where: { id: captionTimingId } })
	await announceCaptionTiming(row.coopId, toCaptionTimingView(row))
	return {
		coopId: row.coopId,
		kind: row.kind as CaptionTimingKind,
		spec: JSON.parse(row.spec) as unknown,
		texts: row.texts ? (JSON.parse(row.texts) as string[]) : [],
	}
}

export async function finishCaptionTiming(captionTimingId: string, result: { lines: CaptionLine[]; timedBy?: 'speech' | 'even' }) {
	await settle(captionTimingId, { status: 'ready', lines: JSON.stringify(result.lines), timedBy: result.timedBy ?? null })
}

export async function failCaptionTiming(captionTimingId: string, problem: CaptionTimingProblem, params: Record<string, string | number> = {}) {
	await settle(captionTimingId, { status: 'failed', errorCode: problem, errorParams: JSON.stringify(params) })
}

async function settle(captionTimingId: string, data: { status: 'ready' | 'failed'; lines?: string; timedBy?: string | null; errorCode?: string; errorParams?: string }) {
	const db = getDb()
	const { count } = await db.captionTiming.updateMany({
		where: { id: captionTimingId, status: { in: [...ACTIVE_CAPTION_TIMING_STATUSES] } },
		data: { ...data, finishedAt: new Date() },
	})
	if (count === 0) return
	const row = await db.captionTiming.findUniqueOrThrow({ where: { id: captionTimingId } })
	await announceCaptionTiming(row.coopId, toCaptionTimingView(row))
}

/**
 * Caption timings that still owe work and have not moved for `olderThanMs`:
 * what a reconciler looks at to put back a job Redis lost (enqueue again with
 * enqueueCaptionTimingJob: the job id comes from the row, so it adds nothing
 * when the job is still there).
 */
export async function captionTimingsOwingWork({ olderThanMs }: { olderThanMs: number }): Promise<string[]> {
	const rows = await getDb().captionTiming.findMany({
		where: { status: { in: [...ACTIVE_CAPTION_TIMING_STATUSES] }, updatedAt: { lte: new Date(Date.now() - olderThanMs) } },
		select: { id: true },
	})
	return rows.map((row) => row.id)
}
