import { expect, test } from 'vitest'
import { captionLineSchema } from '~/studio/captions/schema.ts'

const line = (words: { start: number; end: number; text: string }[]) => captionLineSchema.safeParse({ start: 0, end: 3, text: 'một hai', words })
const messages = (result: ReturnType<typeof line>) => result.error?.issues.map((issue) => issue.message) ?? []

test('a heard word may last no time at all, but may not end before it starts', () => {
	expect(line([{ start: 1, end: 1, text: 'một' }]).success).toBe(true)
	expect(messages(line([{ start: 1, end: 0.9, text: 'một' }]))).toEqual(['A word must not end before it starts.'])
})

test('heard words come in time order; two may start together', () => {
	expect(line([{ start: 1, end: 1.5, text: 'một' }, { start: 1, end: 2, text: 'hai' }]).success).toBe(true)
	expect(
		messages(
			line([
				{ start: 1, end: 1.5, text: 'một' },
				{ start: 2, end: 2.5, text: 'hai' },
				{ start: 1.5, end: 2, text: 'ba' },
			]),
		),
	).toEqual(['The words of a caption line must be in time order.'])
})
