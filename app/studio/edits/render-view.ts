import type { RenderFailure } from '~/studio/spec/render-failure.ts'
import type { RenderMetadata, RenderQuality, RenderStatus } from './render-status.ts'

// A Render row as the studio screen shows it: the stored JSON columns read,
// the cause for the log (errorDetail) left out.

export type RenderView = {
	id: string
	editId: string
	format: string
	quality: RenderQuality
	status: RenderStatus
	progress: number
	metadata: RenderMetadata | null
	/** Why it failed, as the studio words it (describeRenderFailure). */
	failure: RenderFailure | null
	reused: boolean
	handedOffAt: string | null
	createdAt: string
}

type RenderRow = {
	id: string
	editId: string
	format: string
	quality: string
	status: string
	progress: number
	metadata: string | null
	errorCode: string | null
	errorParams: string | null
	reusedFromId: string | null
	handedOffAt: Date | null
	createdAt: Date
}

/** The failure stored on a row, in the shape describeRenderFailure reads. */
export function storedRenderFailure(row: Pick<RenderRow, 'errorCode' | 'errorParams'>): RenderFailure | null {
	if (!row.errorCode) return null
	const stored = row.errorParams ? (JSON.parse(row.errorParams) as { params?: Record<string, string | number>; issues?: [] }) : {}
	if (row.errorCode === 'rejected') return { code: 'rejected', issues: stored.issues ?? [] }
	return { code: row.errorCode as Exclude<RenderFailure['code'], 'rejected'>, params: stored.params }
}

/** The columns a failure is stored in (errorDetail keeps the cause for the log). */
export function renderFailureColumns(failure: RenderFailure) {
	if (failure.code === 'rejected') return { errorCode: failure.code, errorParams: JSON.stringify({ issues: failure.issues }), errorDetail: null }
	return { errorCode: failure.code, errorParams: JSON.stringify({ params: failure.params ?? {} }), errorDetail: failure.detail?.slice(-8000) ?? null }
}

export function toRenderView(row: RenderRow): RenderView {
	return {
		id: row.id,
		editId: row.editId,
		format: row.format,
		quality: row.quality as RenderQuality,
		status: row.status as RenderStatus,
		progress: row.progress,
		metadata: row.metadata ? (JSON.parse(row.metadata) as RenderMetadata) : null,
		failure: row.status === 'failed' ? storedRenderFailure(row) : null,
		reused: row.reusedFromId !== null,
		handedOffAt: row.handedOffAt?.toISOString() ?? null,
		createdAt: row.createdAt.toISOString(),
	}
}

export const renderViewSelect = {
	id: true,
	editId: true,
	format: true,
	quality: true,
	status: true,
	progress: true,
	metadata: true,
	errorCode: true,
	errorParams: true,
	reusedFromId: true,
	handedOffAt: true,
	createdAt: true,
} as const
