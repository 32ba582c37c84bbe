import type { EditSpec } from '~/studio/spec/edit-spec.ts'
import { probeFile } from '#workers/ffmpeg/probe.ts'
import { measureDecodableMs } from '#workers/media/decodable.ts'

// When ffmpeg fails, the likeliest culprit a person can act on is a clip cut
// short (docs/decisions/130-truncated-media.md): ffmpeg 4.1 crashes when it
// reads past the last bytes. The studio clamps ranges before queueing; this
// names the item when a job reaches the worker anyway (an older job, a CLI spec).

export type CutShortClip = { item: string; seconds: number }

/** The first clip whose range goes past where its file stops decoding, or null. */
export async function findCutShortClip(spec: EditSpec, mediaPaths: Record<string, string>): Promise<CutShortClip | null> {
	for (const [index, item] of spec.timeline.entries()) {
		const file = item.type === 'clip' ? mediaPaths[item.mediaId] : undefined
		if (item.type !== 'clip' || !file) continue
		const header = await probeFile(file).catch(() => null)
		if (!header?.durationMs) continue
		const decodableMs = await measureDecodableMs(file, header.durationMs)
		if (item.out * 1000 > decodableMs) return { item: item.label || String(index + 1), seconds: Math.floor(decodableMs / 100) / 10 }
	}
	return null
}
