import type { EditSpec } from '~/studio/spec/edit-spec.ts'
import { issue, type IssueLocation, type SpecIssue } from '~/studio/spec/issues.ts'
import { getDb } from '~/utils/db.server.ts'

// Which library files an edit uses, and whether each one can be used: it
// must belong to the edit's own co-op (another co-op's id reads exactly like
// a deleted file, so nothing about it leaks), be processed, and be the right
// kind for its place in the edit.

export type MediaRole = 'clip' | 'photo' | 'music' | 'logo'

export type SpecMediaReference = { mediaId: string; role: MediaRole; at: IssueLocation }

const KIND_FOR_ROLE: Record<MediaRole, readonly string[]> = {
	clip: ['video'],
	photo: ['photo'],
	// A clip's sound can be the music bed as well as an audio file.
	music: ['audio', 'video'],
	logo: ['photo'],
}

export function specMediaReferences(spec: EditSpec): SpecMediaReference[] {
	const references: SpecMediaReference[] = []
	spec.timeline.forEach((item, index) => {
		if (item.type === 'title') return
		references.push({ mediaId: item.mediaId, role: item.type, at: { kind: 'item', index, itemType: item.type, label: item.label } })
	})
	spec.overlays.forEach((overlay, index) => {
		if (overlay.type === 'logo') references.push({ mediaId: overlay.mediaId, role: 'logo', at: { kind: 'overlay', index, overlayType: 'logo' } })
	})
	const music = spec.audio.music
	if (music) references.push({ mediaId: music.mediaId, role: 'music', at: { kind: 'music', label: music.label } })
	return references
}

export const specMediaSelect = {
	id: true,
	kind: true,
	status: true,
	displayName: true,
	storageKey: true,
	proxyKey: true,
	sha256: true,
	durationMs: true,
	fullDurationMs: true,
	width: true,
	height: true,
	rotation: true,
	hasAudio: true,
	fps: true,
} as const

export type SpecMedia = {
	id: string
	kind: string
	status: string
	displayName: string
	storageKey: string
	proxyKey: string | null
	sha256: string | null
	durationMs: number | null
	/** Set only for a file cut short (decision 130): what its header claims. */
	fullDurationMs: number | null
	width: number | null
	height: number | null
	rotation: number
	hasAudio: boolean | null
	fps: number | null
}

export type ResolvedSpecMedia = { media: Map<string, SpecMedia>; issues: SpecIssue[] }

/** Loads every file the spec names from the co-op's library and reports, by item, the ones that cannot be used. */
export async function resolveSpecMedia(coopId: string, spec: EditSpec): Promise<ResolvedSpecMedia> {
	const references = specMediaReferences(spec)
	const ids = [...new Set(references.map((r) => r.mediaId))]
	const rows = await getDb().media.findMany({ where: { coopId, id: { in: ids } }, select: specMediaSelect })
	const media = new Map(rows.map((row) => [row.id, row]))
	const issues: SpecIssue[] = []
	for (const reference of references) {
		const found = media.get(reference.mediaId)
		const name = found?.displayName ?? reference.mediaId
		if (!found) issues.push(issue('media.missing', reference.at, { mediaId: name }))
		else if (found.status === 'processing') issues.push(issue('media.stillProcessing', reference.at, { mediaId: name }))
		else if (found.status !== 'ready') issues.push(issue('media.unreadable', reference.at, { mediaId: name }))
		else if (!KIND_FOR_ROLE[reference.role].includes(found.kind)) issues.push(issue(wrongKindCode(reference.role), reference.at, { mediaId: name }))
		else if (reference.role === 'music' && found.hasAudio === false) issues.push(issue('media.noAudio', reference.at, { mediaId: name }))
	}
	return { media, issues }
}

function wrongKindCode(role: MediaRole) {
	if (role === 'clip') return 'media.noVideo'
	if (role === 'music') return 'media.noAudio'
	return 'media.notImage'
}
