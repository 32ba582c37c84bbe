import fs from 'node:fs/promises'
import sharp from 'sharp'
import type { EditSpec } from '~/studio/spec/edit-spec.ts'
import { itemLocation } from '~/studio/spec/consistency.ts'
import { issue, type IssueLocation, type SpecIssue } from '~/studio/spec/issues.ts'
import { probeFile, type ProbedMedia } from '#workers/ffmpeg/probe.ts'

// Checks an edit against its actual media before ffmpeg runs: every file is
// there and readable, every trim lies inside its clip. Inspection reads the
// files; the check itself is pure, so its messages are unit-tested.

export type InspectedMedium =
	| { status: 'missing' }
	| { status: 'unreadable'; heic: boolean }
	| { status: 'ok'; path: string; probe?: ProbedMedia; image?: { width: number; height: number } }

export type InspectedMedia = Record<string, InspectedMedium>

type Use = 'video' | 'image' | 'audio'

function mediaUses(spec: EditSpec): Map<string, Set<Use>> {
	const uses = new Map<string, Set<Use>>()
	const add = (id: string, use: Use) => uses.set(id, (uses.get(id) ?? new Set<Use>()).add(use))
	for (const item of spec.timeline) {
		if (item.type === 'clip') add(item.mediaId, 'video')
		if (item.type === 'photo') add(item.mediaId, 'image')
	}
	for (const overlay of spec.overlays) if (overlay.type === 'logo') add(overlay.mediaId, 'image')
	if (spec.audio.music) add(spec.audio.music.mediaId, 'audio')
	return uses
}

/** Reads what the spec needs to know of each medium: ffprobe for clips and music, sharp for pictures. */
export async function inspectMedia(spec: EditSpec, mediaPaths: Record<string, string | undefined>): Promise<InspectedMedia> {
	const entries = await Promise.all(
		[...mediaUses(spec)].map(async ([id, uses]): Promise<[string, InspectedMedium]> => {
			const file = mediaPaths[id]
			if (!file || !(await isFile(file))) return [id, { status: 'missing' }]
			try {
				const probe = uses.has('video') || uses.has('audio') ? await probeFile(file) : undefined
				const image = uses.has('image') ? await readImage(file) : undefined
				return [id, { status: 'ok', path: file, probe, image }]
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

/** Half a frame: a trim that ends on the clip's last frame is not past its end. */
const END_TOLERANCE_SECONDS = 1 / 60
const round2 = (value: number) => Math.round(value * 100) / 100

export function checkMedia(spec: EditSpec, media: InspectedMedia, { maxImageMegapixels }: { maxImageMegapixels: number }): SpecIssue[] {
	const issues: SpecIssue[] = []
	const available = (id: string, at: IssueLocation, use: Use): InspectedMedium & { status: 'ok' } | null => {
		const medium = media[id] ?? { status: 'missing' }
		if (medium.status === 'missing') issues.push(issue('media.missing', at, { mediaId: id }))
		else if (medium.status === 'unreadable') {
			issues.push(issue(medium.heic ? 'media.heic' : use === 'image' ? 'media.notImage' : 'media.unreadable', at, { mediaId: id }))
		} else return medium
		return null
	}
	const checkImage = (id: string, at: IssueLocation) => {
		const medium = available(id, at, 'image')
		const megapixels = medium?.image ? (medium.image.width * medium.image.height) / 1e6 : 0
		if (megapixels > maxImageMegapixels) issues.push(issue('media.tooLarge', at, { mediaId: id, megapixels: Math.round(megapixels), max: maxImageMegapixels }))
	}

	spec.timeline.forEach((item, index) => {
		const at = itemLocation(item, index)
		if (item.type === 'photo') checkImage(item.mediaId, at)
		if (item.type !== 'clip') return
		const medium = available(item.mediaId, at, 'video')
		if (!medium) return
		const duration = (medium.probe?.durationMs ?? 0) / 1000
		if (!medium.probe?.video || duration <= 0) issues.push(issue('media.noVideo', at, { mediaId: item.mediaId }))
		else if (item.in >= duration) issues.push(issue('clip.inPastEnd', at, { in: round2(item.in), duration: round2(duration) }))
		else if (item.out > duration + END_TOLERANCE_SECONDS) issues.push(issue('clip.outPastEnd', at, { out: round2(item.out), duration: round2(duration) }))
	})

	spec.overlays.forEach((overlay, index) => {
		if (overlay.type === 'logo') checkImage(overlay.mediaId, { kind: 'overlay', index, overlayType: 'logo' })
	})

	const music = spec.audio.music
	if (music) {
		const at: IssueLocation = { kind: 'music', label: music.label }
		const medium = available(music.mediaId, at, 'audio')
		const duration = (medium?.probe?.durationMs ?? 0) / 1000
		if (medium && (!medium.probe?.audio || duration <= 0)) issues.push(issue('media.noAudio', at, { mediaId: music.mediaId }))
		else if (medium && music.offset >= duration) issues.push(issue('music.offsetPastEnd', at, { offset: round2(music.offset), duration: round2(duration) }))
	}
	return issues
}
