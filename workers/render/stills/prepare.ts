import fs from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import type { EditSpec, Overlay } from '~/studio/spec/edit-spec.ts'
import { OUTPUT_FORMATS } from '~/studio/spec/formats.ts'
import { bandPosition, cornerPosition, type Size } from '../geometry.ts'
import type { ItemStill, OverlayStill, PreparedStills } from '../graph/types.ts'
import type { RenderTarget } from '../presets.ts'
import { drawCallToAction, drawPriceTag, drawQrCard, drawTextOverlay, drawTitleCard } from './cards.ts'
import { drawPhotoFrame, kenBurnsSourceSize } from './photos.ts'

// Writes every still an edit needs into `workDir` and says where each one
// goes. The only step of a render that draws pixels outside ffmpeg.

export async function prepareStills(spec: EditSpec, mediaPaths: Record<string, string>, target: RenderTarget, workDir: string): Promise<PreparedStills> {
	const frame = { width: target.width, height: target.height }
	const write = async (name: string, data: Buffer) => {
		const file = path.join(workDir, name)
		await fs.writeFile(file, data)
		return file
	}

	const items = await Promise.all(
		spec.timeline.map(async (item, index): Promise<ItemStill | null> => {
			if (item.type === 'clip') return null
			if (item.type === 'title') return { path: await write(`title-${index}.png`, await drawTitleCard(frame, item)), motion: null }
			if (item.kenBurns === 'none') {
				const { jpeg } = await drawPhotoFrame(mediaPaths[item.mediaId], frame, item.fit, item.focus)
				return { path: await write(`photo-${index}.jpg`, jpeg), motion: null }
			}
			const { jpeg, focus } = await drawPhotoFrame(mediaPaths[item.mediaId], kenBurnsSourceSize(frame), item.fit, item.focus)
			return { path: await write(`photo-${index}.jpg`, jpeg), motion: { move: item.kenBurns, focus } }
		}),
	)

	// Caption sizes are in pixels of the full-size format; a preview is smaller.
	const scale = target.width / OUTPUT_FORMATS[target.format].width
	const captions = spec.captions?.lines.length ? { position: spec.captions.style.position, sizePx: spec.captions.style.sizePx * scale } : undefined
	const overlays = await Promise.all(
		spec.overlays.map(async (overlay, index): Promise<OverlayStill> => {
			const image = await drawOverlay(overlay, frame, mediaPaths)
			const position = 'band' in overlay ? bandPosition(overlay.band, image, frame, captions) : cornerPosition(overlay.corner, image, frame, captions)
			return { path: await write(`overlay-${index}.png`, image.png), width: image.width, height: image.height, ...position }
		}),
	)
	return { items, overlays }
}

async function drawOverlay(overlay: Overlay, frame: Size, mediaPaths: Record<string, string>) {
	switch (overlay.type) {
		case 'logo': {
			const width = Math.round(frame.width * overlay.widthFraction)
			// A tall logo is held to the same height, so it stays a corner mark.
			const { data, info } = await sharp(mediaPaths[overlay.mediaId])
				.rotate()
				.resize({ width, height: width, fit: 'inside' })
				.png()
				.toBuffer({ resolveWithObject: true })
			return { png: data, width: info.width, height: info.height }
		}
		case 'price':
			return drawPriceTag(frame, overlay)
		case 'qr':
			return drawQrCard(frame, overlay)
		case 'cta':
			return drawCallToAction(frame, overlay)
		case 'text':
			return drawTextOverlay(frame, overlay)
	}
}
