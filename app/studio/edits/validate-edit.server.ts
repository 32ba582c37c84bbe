import { parseEditSpec, type EditSpec } from '~/studio/spec/edit-spec.ts'
import type { SpecIssue } from '~/studio/spec/issues.ts'
import { resolveSpecMedia, type SpecMedia } from './spec-media.server.ts'

export type ValidatedEdit = { ok: true; spec: EditSpec; media: Map<string, SpecMedia> } | { ok: false; issues: SpecIssue[] }

/**
 * Everything that can be known about an edit before ffmpeg runs: its shape
 * and timing, then the co-op's own files it names. Nothing is saved or queued
 * unless this passes, and every problem names its item.
 */
export async function validateEdit(coopId: string, input: unknown): Promise<ValidatedEdit> {
	const parsed = parseEditSpec(input)
	if (!parsed.success) return { ok: false, issues: parsed.issues }
	const { media, issues } = await resolveSpecMedia(coopId, parsed.spec)
	if (issues.length > 0) return { ok: false, issues }
	return { ok: true, spec: parsed.spec, media }
}
