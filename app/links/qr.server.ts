import QRCode from 'qrcode'

// QR codes for tracked links, product and batch pages, labels, payment and the
// live overlay: one module so every code has the same error correction and
// quiet zone (docs/decisions/182). `qrcode` (MIT) is already what the render
// worker uses for the QR on cards.

/** Error correction M (15 %) survives a smudged label; margin 2 modules keeps a home print readable. */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const

/** A PNG of `text`, `width` pixels wide (defaults to 600, enough for a poster). */
export function qrPng(text: string, width = 600): Promise<Buffer> {
	return QRCode.toBuffer(text, { ...OPTIONS, type: 'png', width })
}

/** An SVG document of `text` that scales to any size. */
export function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, { ...OPTIONS, type: 'svg' })
}

/** The module grid (true = dark), for drawing the code with vector operations (PDF labels). */
export function qrMatrix(text: string): boolean[][] {
	const code = QRCode.create(text, { errorCorrectionLevel: OPTIONS.errorCorrectionLevel })
	const size = code.modules.size
	const rows: boolean[][] = []
	for (let y = 0; y < size; y++) {
		const row: boolean[] = []
		for (let x = 0; x < size; x++) row.push(code.modules.get(x, y) === 1)
		rows.push(row)
	}
	return rows
}
