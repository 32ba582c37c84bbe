// The life of a Render row (prisma/schema/studio.prisma), shared by the
// studio screen, the web actions and the database-side worker.

export const RENDER_STATUSES = ['queued', 'rendering', 'ready', 'failed', 'cancelled'] as const
export type RenderStatus = (typeof RENDER_STATUSES)[number]

export const RENDER_QUALITIES = ['preview', 'final'] as const
export type RenderQuality = (typeof RENDER_QUALITIES)[number]

/** Statuses in which work is still owed: the reconciler watches these. */
export const ACTIVE_RENDER_STATUSES = ['queued', 'rendering'] as const satisfies readonly RenderStatus[]

export function isActiveRenderStatus(status: string): status is (typeof ACTIVE_RENDER_STATUSES)[number] {
	return (ACTIVE_RENDER_STATUSES as readonly string[]).includes(status)
}

export function isRenderQuality(value: unknown): value is RenderQuality {
	return typeof value === 'string' && (RENDER_QUALITIES as readonly string[]).includes(value)
}

/** What the engine measured about a finished file (Render.metadata). */
export type RenderMetadata = {
	durationMs: number
	sizeBytes: number
	width: number
	height: number
	/** Integrated loudness and true peak as rendered; null for a silent video. */
	loudness: { integratedLufs: number; truePeakDbtp: number } | null
}
