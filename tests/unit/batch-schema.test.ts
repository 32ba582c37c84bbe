import { describe, expect, test } from 'vitest'
import { BatchSchema } from '~/products/batch-schema.ts'

const parse = (input: Record<string, unknown>) => BatchSchema.safeParse(input)
const issues = (input: Record<string, unknown>) => {
	const result = parse(input)
	return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}:${i.message}`)
}

describe('the batch form', () => {
	test('tidies what was typed: code upper-case, spaces folded, empty optional fields null', () => {
		expect(parse({ code: '  lô   3 ', harvestDate: ' 2026-11-20 ', growingArea: '  Đồi   chè ', producerGroup: '   ', note: '  Sao tay \n' })).toEqual({
			success: true,
			data: { code: 'LÔ 3', harvestDate: '2026-11-20', growingArea: 'Đồi chè', producerGroup: null, note: 'Sao tay' },
		})
		expect(parse({ code: 'a1' })).toEqual({ success: true, data: { code: 'A1', harvestDate: null, growingArea: null, producerGroup: null, note: '' } })
	})

	test('text is normalised to NFC', () => {
		const result = parse({ code: 'lo\u0302 3', growingArea: 'Đo\u0302\u0300i' })
		expect(result.success && result.data).toMatchObject({ code: 'LÔ 3', growingArea: 'Đồi' })
	})

	test('what is wrong, field by field', () => {
		expect(issues({})).toEqual(['code:batches.errors.codeRequired'])
		expect(issues({ code: '   ' })).toEqual(['code:batches.errors.codeRequired'])
		expect(issues({ code: 'x'.repeat(40) })).toEqual([])
		expect(issues({ code: 'x'.repeat(41) })).toEqual(['code:batches.errors.tooLong'])
		expect(issues({ code: 'A', harvestDate: '2026-02-30' })).toEqual(['harvestDate:batches.errors.harvestDate'])
		expect(issues({ code: 'A', harvestDate: '20/11/2026' })).toEqual(['harvestDate:batches.errors.harvestDate'])
		expect(issues({ code: 'A', harvestDate: '' })).toEqual([])
		expect(issues({ code: 'A', growingArea: 'x'.repeat(120) })).toEqual([])
		expect(issues({ code: 'A', growingArea: 'x'.repeat(121) })).toEqual(['growingArea:batches.errors.tooLong'])
		expect(issues({ code: 'A', producerGroup: 'x'.repeat(121) })).toEqual(['producerGroup:batches.errors.tooLong'])
		expect(issues({ code: 'A', note: 'x'.repeat(1000) })).toEqual([])
		expect(issues({ code: 'A', note: 'x'.repeat(1001) })).toEqual(['note:batches.errors.tooLong'])
	})
})
