import { ensureLabelLink } from '~/links/links.server.ts'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { qrMatrix } from '~/links/qr.server.ts'
import { A4_MM, MM_TO_PT, placeLabel, type Box, type LabelPreset } from '~/links/label-layout.ts'
import { formatDay } from '~/utils/coop-time.ts'
import { createI18n } from '~/utils/i18n.ts'
import '~/utils/i18n-resources.server.ts'
import { findBatch } from './batches.server.ts'
import { findProductLabelFacts } from './public-product.server.ts'

// Printable QR labels (issue 12; docs/decisions/186): an A4 PDF of labels for
// a product or one of its batches, each with the product's name, the batch,
// the harvest day and the QR code of the batch page (the product page when
// there is no batch). The QR is drawn as vector squares (sharp at any printer
// resolution); the text uses Be Vietnam Pro, which has every Vietnamese glyph.
// Labels are read by Vietnamese buyers, so their words are Vietnamese.

const require = createRequire(import.meta.url)
const FONT_REGULAR = require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf')
const FONT_BOLD = require.resolve('@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf')

export type LabelRequest = { productId: string; batchId: string | null; preset: LabelPreset; count: number; origin: string }
export type LabelSheet = { pdf: Buffer; fileName: string; url: string }

/** Draws the QR's dark modules as filled squares inside `box` (the matrix has no quiet zone: the box's edge gives it). */
function drawQr(doc: PDFKit.PDFDocument, matrix: boolean[][], box: Box) {
	const quiet = 2
	const cell = box.width / (matrix.length + 2 * quiet)
	doc.save().fillColor('black')
	for (let y = 0; y < matrix.length; y++) {
		for (let x = 0; x < matrix.length; x++) {
			if (matrix[y][x]) doc.rect(box.x + (x + quiet) * cell, box.y + (y + quiet) * cell, cell, cell)
		}
	}
	doc.fill().restore()
}

/** The PDF of `count` labels, or null when the product (or batch) is not this co-op's. */
export async function makeLabelSheet(coopId: string, request: LabelRequest): Promise<LabelSheet | null> {
	const product = await findProductLabelFacts(coopId, request.productId)
	if (!product) return null
	const batch = request.batchId ? await findBatch(coopId, request.batchId) : null
	if (request.batchId && (!batch || batch.productId !== product.id)) return null
	// A batch's labels carry the label's own short link (counted as the label's clicks, leading to
	// the batch page); a product's carry its page.
	const path = batch ? `/l/${(await ensureLabelLink(coopId, batch.id)).slug}` : product.publicSlug ? `/p/${product.publicSlug}` : null
	if (!path) return null
	const url = `${request.origin}${path}`
	const { t } = createI18n('vi')
	const harvestDay = batch?.harvestDay ?? product.harvestDay
	const lines = [
		batch ? t('products:labels.batch', { code: batch.code }) : product.batch ? t('products:labels.batch', { code: product.batch }) : null,
		harvestDay ? t('products:labels.harvest', { day: formatDay(harvestDay, 'vi') }) : null,
	].filter((line): line is string => Boolean(line))

	const doc = new PDFDocument({ size: [A4_MM.width * MM_TO_PT, A4_MM.height * MM_TO_PT], margin: 0, autoFirstPage: false, info: { Title: product.name } })
	doc.registerFont('regular', fs.readFileSync(FONT_REGULAR))
	doc.registerFont('bold', fs.readFileSync(FONT_BOLD))
	const chunks: Buffer[] = []
	doc.on('data', (chunk: Buffer) => chunks.push(chunk))
	const done = new Promise<void>((resolve, reject) => {
		doc.on('end', resolve)
		doc.on('error', reject)
	})
	const matrix = qrMatrix(url)
	const small = request.preset.heightMm < 35 || request.preset.widthMm < 45
	let sheet = -1
	for (let index = 0; index < request.count; index++) {
		const label = placeLabel(request.preset, index)
		if (label.sheet !== sheet) {
			doc.addPage({ size: [A4_MM.width * MM_TO_PT, A4_MM.height * MM_TO_PT], margin: 0 })
			sheet = label.sheet
		}
		// A hairline border to cut along on plain paper (die-cut sheets ignore it).
		doc.save().lineWidth(0.25).strokeColor('#bbbbbb').rect(label.box.x, label.box.y, label.box.width, label.box.height).stroke().restore()
		drawQr(doc, matrix, label.qr)
		const { x, y, width, height } = label.text
		doc.font('bold').fontSize(small ? 7 : 9).fillColor('black')
		doc.text(product.name, x, y, { width, height: height * 0.55, ellipsis: true, lineGap: 0 })
		doc.font('regular').fontSize(small ? 6 : 7.5)
		for (const line of lines) doc.text(line, { width, ellipsis: true, lineBreak: false })
		doc.fontSize(small ? 5 : 6).fillColor('#444444').text(url.replace(/^https?:\/\//, ''), { width, ellipsis: true, lineBreak: false })
	}
	doc.end()
	await done
	const name = (batch ? `${product.code}-${batch.code}` : product.code).replace(/[^A-Za-z0-9-]+/g, '-')
	return { pdf: Buffer.concat(chunks), fileName: `tem-${name}.pdf`, url }
}
