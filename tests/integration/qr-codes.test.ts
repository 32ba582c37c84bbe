import jsQR from 'jsqr'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { qrMatrix, qrPng, qrSvg } from '~/links/qr.server.ts'

async function decodePng(png: Buffer): Promise<string | null> {
	const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
	return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null
}

describe('QR codes', () => {
	const address = 'https://coop.example/l/7kq2mz'

	it('a PNG decodes back to the address with a real QR decoder', async () => {
		expect(await decodePng(await qrPng(address, 300))).toBe(address)
	})

	it('an SVG rasterised by sharp decodes back to the address', async () => {
		const svg = await qrSvg(address)
		expect(svg).toContain('<svg')
		const png = await sharp(Buffer.from(svg), { density: 300 }).flatten({ background: '#ffffff' }).png().toBuffer()
		expect(await decodePng(png)).toBe(address)
	})

	it('the module grid is square and decodes when drawn', async () => {
		const grid = qrMatrix(address)
		expect(grid.length).toBeGreaterThan(20)
		expect(grid.every((row) => row.length === grid.length)).toBe(true)
		const scale = 8
		const quiet = 4
		const size = (grid.length + quiet * 2) * scale
		const pixels = Buffer.alloc(size * size, 255)
		grid.forEach((row, y) => row.forEach((dark, x) => {
			if (!dark) return
			for (let dy = 0; dy < scale; dy++) for (let dx = 0; dx < scale; dx++) pixels[((y + quiet) * scale + dy) * size + (x + quiet) * scale + dx] = 0
		}))
		const png = await sharp(pixels, { raw: { width: size, height: size, channels: 1 } }).png().toBuffer()
		expect(await decodePng(png)).toBe(address)
	})
})
