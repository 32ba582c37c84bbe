import { describe, expect, test } from 'vitest'
import { maskBuyerName } from '~/live/buyer-name.ts'
import {
	decideOnIntent,
	fillReply,
	itemsTyped,
	linesAtLineupPrice,
	mergeItems,
	parseIntentItems,
	parseItemsTyped,
	stockLines,
	wouldOversell,
	type LineupItem,
} from '~/live/intent-decisions.ts'
import { conversionPerSegment, perMinute, topProducts } from '~/live/live-report.ts'
import {
	addChecklistItem,
	DEFAULT_CHECKLIST,
	listKindOf,
	nextLiveState,
	parseChecklist,
	removeChecklistItem,
	toggleChecklist,
} from '~/live/run-sheet.ts'
import { formatClock, segmentClock, segmentsOf } from '~/live/segment-timer.ts'
import { offlineTalkingPoints, type TalkingFacts } from '~/live/talking-points.ts'
import { formatVnd } from '~/utils/money.ts'

describe('maskBuyerName', () => {
	test('keeps the honorific, capitalised, and one initial', () => {
		expect(maskBuyerName('chị hoa nguyễn')).toBe('Chị H***')
		expect(maskBuyerName('Anh Tuấn')).toBe('Anh T***')
		expect(maskBuyerName('cô   ánh')).toBe('Cô Á***')
		expect(maskBuyerName('EM bé')).toBe('Em B***')
	})
	test('a plain name shows only its first letter', () => {
		expect(maskBuyerName('Nguyễn Văn Minh')).toBe('N***')
		expect(maskBuyerName('đào')).toBe('Đ***')
	})
	test('an honorific alone is kept alone; nothing gives nothing', () => {
		expect(maskBuyerName('Chị')).toBe('Chị')
		expect(maskBuyerName('')).toBe('')
		expect(maskBuyerName('   ')).toBe('')
	})
	test('NFD input and punctuation before the first letter', () => {
		expect(maskBuyerName('chi\u0323 ho\u0300a')).toBe('Chị H***')
		expect(maskBuyerName('@hoa.88')).toBe('H***')
		expect(maskBuyerName('anh 🌸')).toBe('Anh ?***')
	})
	test('never reveals more than the initial', () => {
		const masked = maskBuyerName('Chị Hương Lan 0912345678')
		expect(masked).toBe('Chị H***')
		expect(masked).not.toMatch(/ương|Lan|09/)
	})
})

describe('segment clock', () => {
	const start = new Date('2026-12-07T13:00:00Z')
	test('counts down, then counts the overrun', () => {
		expect(segmentClock(start, 300, new Date('2026-12-07T13:01:05Z'))).toEqual({ elapsedSeconds: 65, leftSeconds: 235, overrunSeconds: 0 })
		expect(segmentClock(start, 300, new Date('2026-12-07T13:05:00Z'))).toEqual({ elapsedSeconds: 300, leftSeconds: 0, overrunSeconds: 0 })
		expect(segmentClock(start, 300, new Date('2026-12-07T13:05:07.900Z'))).toEqual({ elapsedSeconds: 307, leftSeconds: 0, overrunSeconds: 7 })
	})
	test('not started, or a clock behind the start, has the whole segment left', () => {
		expect(segmentClock(null, 120, start)).toEqual({ elapsedSeconds: 0, leftSeconds: 120, overrunSeconds: 0 })
		expect(segmentClock(start, 120, new Date('2026-12-07T12:59:00Z'))).toEqual({ elapsedSeconds: 0, leftSeconds: 120, overrunSeconds: 0 })
		expect(segmentClock(start, 90.7, start).leftSeconds).toBe(90)
		expect(segmentClock(start, -5, new Date('2026-12-07T13:00:03Z'))).toEqual({ elapsedSeconds: 3, leftSeconds: 0, overrunSeconds: 3 })
	})
	test('formats minutes and seconds, hours only when needed', () => {
		expect(formatClock(0)).toBe('0:00')
		expect(formatClock(9)).toBe('0:09')
		expect(formatClock(245)).toBe('4:05')
		expect(formatClock(600)).toBe('10:00')
		expect(formatClock(3723)).toBe('1:02:03')
		expect(formatClock(3600)).toBe('1:00:00')
		expect(formatClock(-4)).toBe('0:00')
		expect(formatClock(59.9)).toBe('0:59')
	})
	test('segments run from each start to the next, the last to the end of the live', () => {
		const at = (m: number) => new Date(start.getTime() + m * 60_000)
		expect(segmentsOf([{ itemId: 'b', startedAt: at(10) }, { itemId: 'a', startedAt: at(0) }], at(25))).toEqual([
			{ itemId: 'a', start: at(0), end: at(10) },
			{ itemId: 'b', start: at(10), end: at(25) },
		])
		// A start at the very end of the live, or two at the same moment, make no empty segment.
		expect(segmentsOf([{ itemId: 'a', startedAt: at(0) }, { itemId: 'b', startedAt: at(0) }, { itemId: 'c', startedAt: at(5) }], at(5))).toEqual([
			{ itemId: 'b', start: at(0), end: at(5) },
		])
		expect(segmentsOf([], at(5))).toEqual([])
	})
})

describe('per-minute buckets', () => {
	const start = new Date('2026-12-07T13:00:00Z')
	const at = (s: number) => new Date(start.getTime() + s * 1000)
	test('one bucket per started minute, counted by the minute they fall in', () => {
		expect(perMinute(start, at(150), [at(0), at(59), at(60), at(149)], [at(61), at(150)])).toEqual([
			{ minute: 0, comments: 2, orders: 0 },
			{ minute: 1, comments: 1, orders: 1 },
			{ minute: 2, comments: 1, orders: 1 },
		])
	})
	test('the end instant of an exact minute falls in the last bucket; outside the live is left out', () => {
		expect(perMinute(start, at(120), [at(120), at(-1), at(121)], [])).toEqual([
			{ minute: 0, comments: 0, orders: 0 },
			{ minute: 1, comments: 1, orders: 0 },
		])
	})
	test('a live of no length still has one bucket', () => {
		expect(perMinute(start, start, [start], [])).toEqual([{ minute: 0, comments: 1, orders: 0 }])
		expect(perMinute(start, at(-30), [], [])).toEqual([{ minute: 0, comments: 0, orders: 0 }])
	})
})

describe('conversion per segment', () => {
	const t0 = new Date('2026-12-07T13:00:00Z')
	const at = (m: number) => new Date(t0.getTime() + m * 60_000)
	const segments = [
		{ itemId: 'i1', start: at(0), end: at(10) },
		{ itemId: 'i2', start: at(10), end: at(20) },
	]
	const codeOf = (id: string) => ({ i1: 'A1', i2: 'B2' })[id]!
	test('orders ÷ comments mentioning the product during its own segment', () => {
		const comments = [
			{ at: at(1), codes: ['A1'] },
			{ at: at(2), codes: ['A1', 'B2'] },
			{ at: at(3), codes: [] },
			{ at: at(9.99), codes: ['A1'] },
			{ at: at(10), codes: ['A1'] },
			{ at: at(12), codes: ['B2'] },
		]
		const orders = [
			{ at: at(2), codes: ['A1'] },
			{ at: at(11), codes: ['A1'] },
			{ at: at(15), codes: ['B2'] },
		]
		expect(conversionPerSegment(segments, codeOf, comments, orders)).toEqual([
			{ itemId: 'i1', code: 'A1', comments: 3, orders: 1, rate: 1 / 3 },
			{ itemId: 'i2', code: 'B2', comments: 1, orders: 1, rate: 1 },
		])
	})
	test('no mention gives no rate rather than a division by zero', () => {
		expect(conversionPerSegment(segments.slice(0, 1), codeOf, [], [{ at: at(1), codes: ['A1'] }])).toEqual([
			{ itemId: 'i1', code: 'A1', comments: 0, orders: 1, rate: null },
		])
	})
	test('top products by revenue, then quantity, then code', () => {
		expect(
			topProducts([
				{ code: 'B2', name: 'Miến', qty: 1, amountVnd: 50_000 },
				{ code: 'A1', name: 'Chè', qty: 2, amountVnd: 240_000 },
				{ code: 'B2', name: 'Miến', qty: 3, amountVnd: 150_000 },
				{ code: 'C3', name: 'Quế', qty: 1, amountVnd: 200_000 },
				{ code: 'D4', name: 'Mật', qty: 2, amountVnd: 200_000 },
				{ code: 'C0', name: 'Quế', qty: 1, amountVnd: 200_000 },
			]),
		).toEqual([
			{ code: 'A1', name: 'Chè', qty: 2, revenueVnd: 240_000 },
			{ code: 'B2', name: 'Miến', qty: 4, revenueVnd: 200_000 },
			{ code: 'D4', name: 'Mật', qty: 2, revenueVnd: 200_000 },
			{ code: 'C0', name: 'Quế', qty: 1, revenueVnd: 200_000 },
			{ code: 'C3', name: 'Quế', qty: 1, revenueVnd: 200_000 },
		])
	})
})

describe('the confirm guard', () => {
	test('only a pending intent at the version seen goes ahead', () => {
		expect(decideOnIntent({ state: 'pending', version: 2, decidedByName: null }, 2)).toEqual({ go: true })
		expect(decideOnIntent({ state: 'pending', version: 3, decidedByName: null }, 2)).toEqual({ go: false, reason: 'changed' })
	})
	test('the second staff member is told who confirmed', () => {
		expect(decideOnIntent({ state: 'confirmed', version: 1, decidedByName: 'Lan' }, 0)).toEqual({ go: false, reason: 'already_confirmed', by: 'Lan' })
		// Even at the very version they saw: a confirmed intent is never confirmed again.
		expect(decideOnIntent({ state: 'confirmed', version: 0, decidedByName: null }, 0)).toEqual({ go: false, reason: 'already_confirmed', by: null })
	})
	test('rejected or merged intents are decided already; a missing one has changed', () => {
		expect(decideOnIntent({ state: 'rejected', version: 1, decidedByName: 'Minh' }, 1)).toEqual({ go: false, reason: 'already_decided', state: 'rejected', by: 'Minh' })
		expect(decideOnIntent({ state: 'merged', version: 4, decidedByName: null }, 4)).toEqual({ go: false, reason: 'already_decided', state: 'merged', by: null })
		expect(decideOnIntent(null, 0)).toEqual({ go: false, reason: 'changed' })
	})
})

describe('intent items', () => {
	test('stored items are read strictly', () => {
		expect(parseIntentItems('[{"code":" a1 ","qty":2},{"code":"B2","qty":0},{"code":"","qty":1},{"code":"C3","qty":1.5},{"qty":1},null,{"code":"D4","qty":3}]')).toEqual([
			{ code: 'A1', qty: 2 },
			{ code: 'D4', qty: 3 },
		])
		expect(parseIntentItems('not json')).toEqual([])
		expect(parseIntentItems('{"code":"A1"}')).toEqual([])
	})
	test('merging adds quantities of the same code, first-seen order kept', () => {
		expect(mergeItems([{ code: 'A1', qty: 2 }, { code: 'B2', qty: 1 }], [{ code: 'C3', qty: 1 }, { code: 'A1', qty: 1 }])).toEqual([
			{ code: 'A1', qty: 3 },
			{ code: 'B2', qty: 1 },
			{ code: 'C3', qty: 1 },
		])
		expect(mergeItems([], [])).toEqual([])
	})
	test('typed items in the edit box', () => {
		expect(parseItemsTyped('a1 x2, B2 ×3; c3*1\nD4 5\nE5')).toEqual([
			{ code: 'A1', qty: 2 },
			{ code: 'B2', qty: 3 },
			{ code: 'C3', qty: 1 },
			{ code: 'D4', qty: 5 },
			{ code: 'E5', qty: 1 },
		])
		expect(parseItemsTyped('A1 x2, A1 x1')).toEqual([{ code: 'A1', qty: 3 }])
		expect(parseItemsTyped('A1 x0')).toBeNull()
		expect(parseItemsTyped('two of A1')).toBeNull()
		expect(parseItemsTyped(' , ')).toBeNull()
		expect(itemsTyped([{ code: 'A1', qty: 2 }, { code: 'B2', qty: 1 }])).toBe('A1 x2, B2 x1')
		expect(parseItemsTyped(itemsTyped([{ code: 'A1', qty: 2 }]))).toEqual([{ code: 'A1', qty: 2 }])
	})
})

describe('lineup prices and stock', () => {
	const lineup: LineupItem[] = [
		{ id: 'i1', code: 'A1', name: 'Chè Shan tuyết', priceVnd: 110_000, productId: 'p1', stockOpened: 10 },
		{ id: 'i2', code: 'B2', name: 'Miến dong', priceVnd: 45_000, productId: 'p2', stockOpened: null },
	]
	test('lines take the price of the live, not the catalogue', () => {
		expect(linesAtLineupPrice([{ code: 'a1', qty: 2 }, { code: 'B2', qty: 1 }, { code: 'A1', qty: 1 }], lineup)).toEqual({
			lines: [
				{ productId: 'p1', code: 'A1', name: 'Chè Shan tuyết', priceVnd: 110_000, qty: 3 },
				{ productId: 'p2', code: 'B2', name: 'Miến dong', priceVnd: 45_000, qty: 1 },
			],
			unknown: [],
		})
	})
	test('a code not in the lineup is named and no lines are made', () => {
		expect(linesAtLineupPrice([{ code: 'A1', qty: 1 }, { code: 'Z9', qty: 1 }], lineup)).toEqual({ lines: [], unknown: ['Z9'] })
	})
	test('sold against opened, and overselling', () => {
		const stock = stockLines(lineup, new Map([['A1', 9]]))
		expect(stock).toEqual([
			{ itemId: 'i1', code: 'A1', sold: 9, opened: 10, left: 1, oversold: false },
			{ itemId: 'i2', code: 'B2', sold: 0, opened: null, left: null, oversold: false },
		])
		expect(stockLines(lineup, new Map([['A1', 11]]))[0]).toMatchObject({ left: -1, oversold: true })
		expect(stockLines(lineup, new Map([['A1', 10]]))[0]).toMatchObject({ left: 0, oversold: false })
		expect(wouldOversell([{ code: 'A1', qty: 1 }], stock)).toEqual([])
		expect(wouldOversell([{ code: 'A1', qty: 1 }, { code: 'A1', qty: 1 }, { code: 'B2', qty: 500 }], stock)).toEqual(['A1'])
		expect(wouldOversell([{ code: 'Z9', qty: 1 }], stock)).toEqual([])
	})
	test('reply templates fill what they know and leave the rest', () => {
		expect(fillReply('Đã chốt đơn cho chị {name}: {qty} {unit} {product}, tổng {total} {nope}', { name: 'Hoa', qty: '2', unit: 'hộp', product: 'Chè', total: '220.000 ₫' })).toBe(
			'Đã chốt đơn cho chị Hoa: 2 hộp Chè, tổng 220.000 ₫ {nope}',
		)
		expect(fillReply('{toString}', {})).toBe('{toString}')
	})
})

describe('talking points offline', () => {
	const facts: TalkingFacts = {
		code: 'A1',
		name: 'Chè Shan tuyết',
		unit: 'hộp',
		priceVnd: 120_000,
		growingArea: 'Suối Giàng',
		producerGroup: 'Tổ chè cổ thụ',
		batch: '2026-11',
		harvestDay: '2026-11-03',
		certifications: ['VietGAP', 'OCOP 4 sao'],
		stockOpened: 30,
	}
	test('every fact becomes one spoken line', () => {
		expect(offlineTalkingPoints(facts).split('\n')).toEqual([
			`• Chè Shan tuyết (mã A1): ${formatVnd(120_000)} một hộp.`,
			'• Trồng ở Suối Giàng, do Tổ chè cổ thụ làm.',
			'• Lô 2026-11, thu hoạch ngày 03/11/2026.',
			'• Chứng nhận: VietGAP, OCOP 4 sao.',
			'• Buổi live này chỉ mở 30 hộp.',
			'• Chốt đơn: bình luận "A1 + số lượng + số điện thoại", ví dụ "A1 2 0912345678".',
		])
	})
	test('missing facts are left out, never invented', () => {
		const bare = { ...facts, unit: ' ', growingArea: null, producerGroup: null, batch: null, harvestDay: null, certifications: [], stockOpened: null }
		expect(offlineTalkingPoints(bare).split('\n')).toEqual([
			`• Chè Shan tuyết (mã A1): ${formatVnd(120_000)} một phần.`,
			'• Chốt đơn: bình luận "A1 + số lượng + số điện thoại", ví dụ "A1 2 0912345678".',
		])
		expect(offlineTalkingPoints({ ...bare, producerGroup: 'Tổ chè' })).toContain('• Do Tổ chè làm.')
		expect(offlineTalkingPoints({ ...bare, growingArea: 'Tà Xùa' })).toContain('• Trồng ở Tà Xùa.\n')
		expect(offlineTalkingPoints({ ...bare, batch: 'LÔ 3' })).toContain('• Lô LÔ 3.\n')
		expect(offlineTalkingPoints({ ...bare, harvestDay: '2026-01-09' })).toContain('• Thu hoạch ngày 09/01/2026.\n')
		expect(offlineTalkingPoints({ ...bare, stockOpened: 0 })).toContain('• Buổi live này chỉ mở 0 phần.')
	})
})

describe('run sheet', () => {
	test('the checklist starts with light, sound, price board and payment QR', () => {
		expect(DEFAULT_CHECKLIST.map((item) => item.id)).toEqual(['light', 'sound', 'price-board', 'payment-qr'])
		expect(DEFAULT_CHECKLIST.every((item) => !item.done)).toBe(true)
	})
	test('stored checklists are read safely', () => {
		expect(parseChecklist('[{"id":"a","label":"Đèn","done":true},{"id":"b","label":"Mic","done":"yes"},{"id":1,"label":"x"},{"label":"y"}]')).toEqual([
			{ id: 'a', label: 'Đèn', done: true },
			{ id: 'b', label: 'Mic', done: false },
		])
		expect(parseChecklist('oops')).toEqual([])
		expect(parseChecklist('{}')).toEqual([])
	})
	test('toggle, add and remove', () => {
		const items = [{ id: 'a', label: 'Đèn', done: false }, { id: 'b', label: 'Mic', done: false }]
		expect(toggleChecklist(items, 'b', true)).toEqual([{ id: 'a', label: 'Đèn', done: false }, { id: 'b', label: 'Mic', done: true }])
		expect(addChecklistItem(items, '  Sạc pin ', 'c')).toEqual([...items, { id: 'c', label: 'Sạc pin', done: false }])
		expect(addChecklistItem(items, '   ', 'c')).toBe(items)
		expect(addChecklistItem([], 'x'.repeat(90), 'c')[0]!.label).toHaveLength(80)
		expect(addChecklistItem([], 'Đe\u0300n', 'c')[0]!.label).toBe('Đèn')
		expect(removeChecklistItem(items, 'a')).toEqual([{ id: 'b', label: 'Mic', done: false }])
	})
	test('lists and moves of a live', () => {
		expect([listKindOf('planned'), listKindOf('live'), listKindOf('ended'), listKindOf('odd')]).toEqual(['planned', 'live', 'past', 'planned'])
		expect(nextLiveState('planned', 'start')).toBe('live')
		expect(nextLiveState('live', 'end')).toBe('ended')
		expect(nextLiveState('live', 'start')).toBeNull()
		expect(nextLiveState('planned', 'end')).toBeNull()
		expect(nextLiveState('ended', 'start')).toBeNull()
		expect(nextLiveState('ended', 'end')).toBeNull()
	})
})
