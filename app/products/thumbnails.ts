// Thumbnails are served by the media library (the "media" area), one URL per photo.
export function thumbnailUrl(mediaId: string): string {
	return `/library/${encodeURIComponent(mediaId)}/thumb`
}
