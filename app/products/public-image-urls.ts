// Addresses of a public page's photo variants (served by
// app/routes/p.$slug_.img.$mediaId.$file.ts, made by public-images.server.ts):
// WebP at a few widths for srcset, and one 1200×630 JPEG for link previews
// (Facebook and Zalo read JPEG and crop to about 1.91:1).

export const PUBLIC_IMAGE_WIDTHS = [360, 720, 1080] as const
export type PublicImageWidth = (typeof PUBLIC_IMAGE_WIDTHS)[number]
export const OG_IMAGE = { width: 1200, height: 630 } as const

export type PublicImageFile = { kind: 'webp'; width: PublicImageWidth } | { kind: 'og' }

export function publicImageUrl(slug: string, mediaId: string, file: PublicImageFile): string {
	const name = file.kind === 'og' ? 'og.jpg' : `w${file.width}.webp`
	return `/p/${slug}/img/${mediaId}/${name}`
}

/** The srcset of a photo's WebP variants. */
export function publicSrcSet(slug: string, mediaId: string): string {
	return PUBLIC_IMAGE_WIDTHS.map((width) => `${publicImageUrl(slug, mediaId, { kind: 'webp', width })} ${width}w`).join(', ')
}

/** The file name in a variant's address, read back; null for anything else. */
export function parsePublicImageFile(name: string): PublicImageFile | null {
	if (name === 'og.jpg') return { kind: 'og' }
	const match = /^w(\d{3,4})\.webp$/.exec(name)
	const width = match ? Number(match[1]) : NaN
	return (PUBLIC_IMAGE_WIDTHS as readonly number[]).includes(width) ? { kind: 'webp', width: width as PublicImageWidth } : null
}
