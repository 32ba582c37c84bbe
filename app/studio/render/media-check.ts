import type { EditSpec } from '~/studio/spec/edit-spec.ts'
import { itemLocation } from '~/studio/spec/consistency.ts'
import { issue, type IssueLocation, type SpecIssue } from '~/studio/spec/issues.ts'

// Checks an edit against the facts of its media before ffmpeg runs: every
// file is there and readable, every trim lies inside its clip. The facts come
// from the media rows on the web side (probed once, at upload) and from
// ffprobe and sharp in the render worker; the check itself is pure, so its
// messages are unit-tested.

/** What the check needs to know of one readable medium. */
export type MediumFacts = {
	durationMs: number | null
	hasVideo: boolean
	hasAudio: boolean
	image?: { width: number; height: number }
}

export type InspectedMedium = { status: 'missing' } | { status: 'unreadable'; heic: boolean } | ({ status: 'ok' } & MediumFacts)

export type InspectedMedia = Record<string, InspectedMedium>

export type MediaUse = 'video' | 'image' | 'audio'

/** How the spec uses each medium: a file can be a clip and the music bed at once. */
export function mediaUses(spec: EditSpec): Map<string, Set<MediaUse>> {
	const uses = new Map<string, Set<MediaUse>>()
	const add = (id: string, use: MediaUse) => uses.set(id, (uses.get(id) ?? new Set<MediaUse>()).add(use))
	for (const item of spec.timeline) {
		if (item.type === 'clip') add(item.mediaId, 'video')
		if (item.type === 'photo') add(item.mediaId, 'image')
	}
	for (const overlay of spec.overlays) if (overlay.type === 'logo') add(overlay.mediaId, 'image')
	if (spec.audio.music) add(spec.audio.music.mediaId, 'audio')
	return uses
}

/** Half a frame: a trim that ends on the clip's last frame is not past its end. */
const END_TOLERANCE_SECONDS = 1 / 60
const round2 = (value: number) => Math.round(value * 100) / 100

export function checkMedia(spec: EditSpec, media: InspectedMedia, { maxImageMegapixels }: { maxImageMegapixels: number }): SpecIssue[] {
	const issues: SpecIssue[] = []
	const available = (id: string, at: IssueLocation, use: MediaUse): (InspectedMedium & { status: 'ok' }) | null => {
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
		const duration = (medium.durationMs ?? 0) / 1000
		if (!medium.hasVideo || duration <= 0) issues.push(issue('media.noVideo', at, { mediaId: item.mediaId }))
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
		const duration = (medium?.durationMs ?? 0) / 1000
		if (medium && (!medium.hasAudio || duration <= 0)) issues.push(issue('media.noAudio', at, { mediaId: music.mediaId }))
		else if (medium && music.offset >= duration) issues.push(issue('music.offsetPastEnd', at, { offset: round2(music.offset), duration: round2(duration) }))
	}
	return issues
}
