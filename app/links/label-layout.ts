// Printable QR labels on A4 sheets (issue 12; docs/decisions/186): where each
// label, its QR code and its text go, in PDF points from the page's top-left
// corner. Pure arithmetic, so that the PDF writer only draws.

export const MM_TO_PT = 72 / 25.4
export const A4_MM = { width: 210, height: 297 } as const

export type LabelPreset = {
	id: string
	widthMm: number
	heightMm: number
	/** Space between labels (0 for die-cut sheets whose labels touch). */
	gapMm: number
	/** The least white border of the sheet (home printers cannot print to the edge). */
	minMarginMm: number
}

export const LABEL_PRESETS = [
	{ id: '50x30', widthMm: 50, heightMm: 30, gapMm: 2, minMarginMm: 5 },
	{ id: '40x40', widthMm: 40, heightMm: 40, gapMm: 2, minMarginMm: 5 },
	// The common A4 sheet of 21 die-cut labels (3 × 7), edge to edge across.
	{ id: '70x42.3', widthMm: 70, heightMm: 42.3, gapMm: 0, minMarginMm: 0 },
] as const satisfies readonly LabelPreset[]

export type LabelPresetId = (typeof LABEL_PRESETS)[number]['id']
export const LABEL_COUNT_MAX = 500

export function findLabelPreset(id: unknown): LabelPreset | null {
	return LABEL_PRESETS.find((preset) => preset.id === id) ?? null
}

export type SheetGrid = { columns: number; rows: number; perSheet: number; marginXMm: number; marginYMm: number }

function fit(pageMm: number, sizeMm: number, gapMm: number, minMarginMm: number) {
	const count = Math.floor((pageMm - 2 * minMarginMm + gapMm) / (sizeMm + gapMm) + 1e-9)
	const used = count * sizeMm + (count - 1) * gapMm
	return { count, margin: (pageMm - used) / 2 }
}

/** How many labels fit on one A4 sheet, centred. */
export function sheetGrid(preset: LabelPreset): SheetGrid {
	const across = fit(A4_MM.width, preset.widthMm, preset.gapMm, preset.minMarginMm)
	const down = fit(A4_MM.height, preset.heightMm, preset.gapMm, preset.minMarginMm)
	return { columns: across.count, rows: down.count, perSheet: across.count * down.count, marginXMm: across.margin, marginYMm: down.margin }
}

export type Box = { x: number; y: number; width: number; height: number }
export type PlacedLabel = { sheet: number; box: Box; qr: Box; text: Box }

const round = (value: number) => Math.round(value * 100) / 100

/**
 * Where the `index`-th label goes (0-based, filling each sheet row by row),
 * with its QR square on the left at the label's full inner height (or a
 * square label's upper part) and the text beside or under it. Points.
 */
export function placeLabel(preset: LabelPreset, index: number): PlacedLabel {
	const grid = sheetGrid(preset)
	const onSheet = index % grid.perSheet
	const column = onSheet % grid.columns
	const row = Math.floor(onSheet / grid.columns)
	const x = (grid.marginXMm + column * (preset.widthMm + preset.gapMm)) * MM_TO_PT
	const y = (grid.marginYMm + row * (preset.heightMm + preset.gapMm)) * MM_TO_PT
	const width = preset.widthMm * MM_TO_PT
	const height = preset.heightMm * MM_TO_PT
	const pad = 2 * MM_TO_PT
	const box = { x: round(x), y: round(y), width: round(width), height: round(height) }
	// Wide labels: QR left, text right. Square or tall: QR on top, text below.
	const wide = preset.widthMm >= preset.heightMm * 1.3
	if (wide) {
		const side = height - 2 * pad
		return {
			sheet: Math.floor(index / grid.perSheet),
			box,
			qr: { x: round(x + pad), y: round(y + pad), width: round(side), height: round(side) },
			text: { x: round(x + 2 * pad + side), y: round(y + pad), width: round(width - 3 * pad - side), height: round(side) },
		}
	}
	const side = Math.min(width - 2 * pad, height * 0.6)
	return {
		sheet: Math.floor(index / grid.perSheet),
		box,
		qr: { x: round(x + (width - side) / 2), y: round(y + pad), width: round(side), height: round(side) },
		text: { x: round(x + pad), y: round(y + 2 * pad + side), width: round(width - 2 * pad), height: round(height - 3 * pad - side) },
	}
}

/** Sheets needed for `count` labels. */
export function sheetsFor(preset: LabelPreset, count: number): number {
	return Math.ceil(count / sheetGrid(preset).perSheet)
}

/** A count from the form: a whole number from 1 to LABEL_COUNT_MAX, else null. */
export function parseLabelCount(value: unknown): number | null {
	if (typeof value !== 'string' || !/^\d{1,4}$/.test(value.trim())) return null
	const count = Number(value.trim())
	return count >= 1 && count <= LABEL_COUNT_MAX ? count : null
}
