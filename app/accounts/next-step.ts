import type { Permission } from './permissions.ts'

// What the home page asks a co-op to do next: the first missing piece on the
// way from nothing to a video on the posting schedule.

export type HomeCounts = {
	products: number
	/** Clips and photos that were not refused. */
	visuals: number
	edits: number
	/** Finished full-quality videos. */
	videos: number
}

export type HomeEdits = {
	/** The most recently changed edit. */
	latestEditId: string | null
	/** Whether that edit has a finished full-quality video. */
	latestHasVideo: boolean
	/** The newest edit with a finished video not yet handed to the posting schedule. */
	readyEditId: string | null
}

export type NextStepKind = 'addProduct' | 'upload' | 'makeVideo' | 'finishVideo' | 'schedule' | 'makeAnother'

/** `permission` is what the step's page needs: a viewer is not sent where they cannot act. */
export type NextStep = { kind: NextStepKind; to: string; permission: Permission }

export function nextStep(counts: HomeCounts, edits: HomeEdits): NextStep {
	if (counts.products === 0) return { kind: 'addProduct', to: '/products/new', permission: 'create:product' }
	if (counts.visuals === 0) return { kind: 'upload', to: '/library', permission: 'create:media' }
	if (edits.readyEditId) return { kind: 'schedule', to: `/studio/${edits.readyEditId}`, permission: 'update:project' }
	if (!edits.latestEditId) return { kind: 'makeVideo', to: '/studio/new', permission: 'create:project' }
	if (!edits.latestHasVideo) return { kind: 'finishVideo', to: `/studio/${edits.latestEditId}`, permission: 'update:project' }
	return { kind: 'makeAnother', to: '/studio/new', permission: 'create:project' }
}
