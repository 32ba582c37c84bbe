import fs from 'node:fs/promises'
import sharp from 'sharp'
import { mediaUses, type InspectedMedium } from '~/studio/render/media-check.ts'
import type { EditSpec } from '~/studio/spec/edit-spec.ts'
import { probeFile, type ProbedMedia } from '#workers/ffmpeg/probe.ts'

// The render worker's look at the actual files before ffmpeg runs: ffprobe
// for clips and music, sharp for pictures. The check of these facts against
// the spec is shared with the web side (app/studio/render/media-check.ts).

export type InspectedFile = Exclude<InspectedMedium, { status: 'ok' }> | (InspectedMedium & { status: 'ok'; path: string; probe?: ProbedMedia })

/** Reads what the spec needs to know of each medium. */
export async function inspectMedia(spec: EditSpec, mediaPaths: Record<string, string | undefined>): Promise<Record<string, InspectedFile>> {
	const entries = await Promise.all(
		[...mediaUses(spec)].map(async ([id, uses]): Promise<[string, InspectedFile]> => {
			const file = mediaPaths[id]
			if (!file || !(await isFile(file))) return [id, { status: 'missing' }]
			try {
				const probe = uses.has('video') || uses.has('audio') ? await probeFile(file) : undefined
				const image = uses.has('image') ? await readImage(file) : undefined
				return [id, { status: 'ok', path: file, probe, image, durationMs: probe?.durationMs ?? null, hasVideo: Boolean(probe?.video), hasAudio: Boolean(probe?.audio) }]
			} catch {
				return [id, { status: 'unreadable', heic: await looksLikeHeic(file) }]
			}
		}),
	)
	return Object.fromEntries(entries)
}

async function isFile(file: string): Promise<boolean> {
	return fs.stat(file).then((stat) => stat.isFile()).catch(() => false)
}

async function readImage(file: string) {
	const { width, height, format } = await sharp(file).metadata()
	if (!width || !height || format === 'heif') throw new Error(`not a readable picture (${format})`)
	return { width, height }
}

/** iPhones store HEIC (an ISO-BMFF file with an 'heic'/'heix'/'mif1' brand); the prebuilt sharp cannot decode it. */
async function looksLikeHeic(file: string): Promise<boolean> {
	const handle = await fs.open(file, 'r').catch(() => null)
	if (!handle) return false
	try {
		const head = Buffer.alloc(12)
		await handle.read(head, 0, 12, 0)
		return head.toString('latin1', 4, 8) === 'ftyp' && ['heic', 'heix', 'mif1', 'msf1', 'hevc'].includes(head.toString('latin1', 8, 12))
	} finally {
		await handle.close()
	}
}
