// The output formats an edit can be rendered to. The spec names them by id;
// the renderer turns an id into encoder settings (workers/render/presets.ts)
// and the studio screen shows the label and the frame shape.

export const OUTPUT_FORMAT_IDS = ['tiktok-reels', 'facebook-feed', 'square', 'landscape', 'zalo'] as const
export type OutputFormatId = (typeof OUTPUT_FORMAT_IDS)[number]

export type OutputFormat = {
	id: OutputFormatId
	width: number
	height: number
	/** A hard ceiling on the file size, when the platform has one. */
	maxBytes?: number
}

export const OUTPUT_FORMATS: Record<OutputFormatId, OutputFormat> = {
	'tiktok-reels': { id: 'tiktok-reels', width: 1080, height: 1920 },
	'facebook-feed': { id: 'facebook-feed', width: 1080, height: 1350 },
	square: { id: 'square', width: 1080, height: 1080 },
	landscape: { id: 'landscape', width: 1920, height: 1080 },
	// Zalo OA video articles take MP4 up to about 50 MB; the vertical frame is
	// what people watch there, at 720p so the bit budget buys sharper pictures.
	zalo: { id: 'zalo', width: 720, height: 1280, maxBytes: 50 * 1024 * 1024 },
}

/** Every output is 30 fps: the platforms accept it and one rate keeps transitions exact. */
export const OUTPUT_FPS = 30
