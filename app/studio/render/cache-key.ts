import { createHash } from 'node:crypto'
import type { EditSpec } from '~/studio/spec/edit-spec.ts'
import type { OutputFormatId } from '~/studio/spec/formats.ts'
import type { RenderQuality } from '~/studio/edits/render-status.ts'

// Two renders with the same key produce the same file, so the database side
// can hand back an earlier output instead of rendering again
// (docs/decisions/014-stateless-render-workers.md).

/** Bump when a change to the engine changes its output: older renders stop matching. */
export const RENDER_ENGINE_VERSION = 1

/**
 * sha256 over the canonical JSON of what decides the output: the parsed spec
 * (defaults filled in, so an omitted default and a written one agree), the
 * fingerprints of the media it uses, the format and quality, the engine version.
 * The spec's list of formats is left out: adding a format to an edit must
 * not invalidate the renders already made for the others.
 */
export function renderCacheKey(
	spec: EditSpec,
	inputFingerprints: Record<string, string>,
	variant: { format: OutputFormatId; quality: RenderQuality },
): string {
	const { output: _formats, ...picture } = spec
	const used = usedMediaIds(spec)
	const missing = used.filter((id) => !inputFingerprints[id])
	if (missing.length > 0) throw new Error(`No fingerprint for media ${missing.join(', ')}`)
	const inputs = Object.fromEntries(used.map((id) => [id, inputFingerprints[id]]))
	return createHash('sha256')
		.update(canonicalJson({ engine: RENDER_ENGINE_VERSION, spec: picture, inputs, ...variant }))
		.digest('hex')
}

export function usedMediaIds(spec: EditSpec): string[] {
	const ids = new Set<string>()
	for (const item of spec.timeline) if (item.type !== 'title') ids.add(item.mediaId)
	for (const overlay of spec.overlays) if (overlay.type === 'logo') ids.add(overlay.mediaId)
	if (spec.audio.music) ids.add(spec.audio.music.mediaId)
	return [...ids].sort()
}

/** JSON with object keys sorted at every level and undefined members dropped. */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
	if (Array.isArray(value)) return `[${value.map((entry) => (entry === undefined ? 'null' : canonicalJson(entry))).join(',')}]`
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, entry]) => entry !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
	return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`
}
