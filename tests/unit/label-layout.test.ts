import { describe, expect, test } from 'vitest'
import { findLabelPreset, LABEL_PRESETS, MM_TO_PT, parseLabelCount, placeLabel, sheetGrid, sheetsFor } from '~/links/label-layout.ts'

const preset = (id: string) => findLabelPreset(id)!

describe('label sheets', () => {
	test('presets are found by id only', () => {
		expect(LABEL_PRESETS.map((p) => p.id)).toEqual(['50x30', '40x40', '70x42.3'])
		expect(findLabelPreset('40x40')).toMatchObject({ widthMm: 40, heightMm: 40 })
		expect(findLabelPreset('99x99')).toBeNull()
		expect(findLabelPreset(undefined)).toBeNull()
	})

	test('how many fit on A4, centred', () => {
		expect(sheetGrid(preset('50x30'))).toEqual({ columns: 3, rows: 9, perSheet: 27, marginXMm: 28, marginYMm: 5.5 })
		expect(sheetGrid(preset('40x40'))).toEqual({ columns: 4, rows: 6, perSheet: 24, marginXMm: 22, marginYMm: 23.5 })
		const sheetOf21 = sheetGrid(preset('70x42.3'))
		expect(sheetOf21).toMatchObject({ columns: 3, rows: 7, perSheet: 21, marginXMm: 0 })
		expect(sheetOf21.marginYMm).toBeCloseTo(0.45, 6)
	})

	test('sheets needed', () => {
		expect(sheetsFor(preset('70x42.3'), 21)).toBe(1)
		expect(sheetsFor(preset('70x42.3'), 22)).toBe(2)
		expect(sheetsFor(preset('50x30'), 1)).toBe(1)
		expect(sheetsFor(preset('50x30'), 54)).toBe(2)
		expect(sheetsFor(preset('50x30'), 55)).toBe(3)
	})

	test('a wide label: QR on the left at full inner height, text on the right', () => {
		const first = placeLabel(preset('50x30'), 0)
		const mm = (value: number) => Math.round(value * MM_TO_PT * 100) / 100
		expect(first).toEqual({
			sheet: 0,
			box: { x: mm(28), y: mm(5.5), width: mm(50), height: mm(30) },
			qr: { x: mm(30), y: mm(7.5), width: mm(26), height: mm(26) },
			text: { x: mm(58), y: mm(7.5), width: mm(18), height: mm(26) },
		})
		const second = placeLabel(preset('50x30'), 1)
		expect(second.box.x).toBe(mm(28 + 52))
		expect(second.box.y).toBe(mm(5.5))
		const fourth = placeLabel(preset('50x30'), 3)
		expect(fourth.box).toMatchObject({ x: mm(28), y: mm(5.5 + 32) })
		const nextSheet = placeLabel(preset('50x30'), 27)
		expect(nextSheet.sheet).toBe(1)
		expect(nextSheet.box).toEqual(first.box)
		expect(placeLabel(preset('50x30'), 26)).toMatchObject({ sheet: 0, box: { x: mm(28 + 2 * 52), y: mm(5.5 + 8 * 32) } })
	})

	test('a square label: QR centred on top, text below', () => {
		const mm = (value: number) => Math.round(value * MM_TO_PT * 100) / 100
		expect(placeLabel(preset('40x40'), 0)).toEqual({
			sheet: 0,
			box: { x: mm(22), y: mm(23.5), width: mm(40), height: mm(40) },
			qr: { x: mm(30), y: mm(25.5), width: mm(24), height: mm(24) },
			text: { x: mm(24), y: mm(51.5), width: mm(36), height: mm(10) },
		})
	})

	test('the 21-label sheet touches edge to edge across', () => {
		const last = placeLabel(preset('70x42.3'), 20)
		expect(last.box.x + last.box.width).toBeCloseTo(210 * MM_TO_PT, 1)
		expect(last.sheet).toBe(0)
		expect(placeLabel(preset('70x42.3'), 21).sheet).toBe(1)
	})

	test('the count from the form', () => {
		expect(parseLabelCount('1')).toBe(1)
		expect(parseLabelCount(' 500 ')).toBe(500)
		expect(parseLabelCount('501')).toBeNull()
		expect(parseLabelCount('0')).toBeNull()
		expect(parseLabelCount('12345')).toBeNull()
		expect(parseLabelCount('2.5')).toBeNull()
		expect(parseLabelCount('')).toBeNull()
		expect(parseLabelCount(null)).toBeNull()
		expect(parseLabelCount(27)).toBeNull()
	})
})
