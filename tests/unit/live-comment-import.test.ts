import { describe, expect, test } from 'vitest'
import { CommentFileError, MAX_IMPORT_COMMENTS, parseCommentFile, parsePastedComments, readTime } from '~/live/comment-import.ts'

describe('the paste box', () => {
	test('"Name: text" or the text alone, one a line; blank lines skipped; NFC', () => {
		const pasted = `Lan Nguyễn: chốt A1 2 hộp\r\n\n  đẹp quá  \nHoà: ${'lấy 2'.normalize('NFD')}\n`
		expect(parsePastedComments(pasted)).toEqual({
			comments: [
				{ author: 'Lan Nguyễn', text: 'chốt A1 2 hộp', at: null, clock: null },
				{ author: '', text: 'đẹp quá', at: null, clock: null },
				{ author: 'Hoà', text: 'lấy 2', at: null, clock: null },
			],
			skipped: 0,
		})
	})
	test('a colon inside an order is not a name: "A1: 2", "chốt: A1", "sl: 3", a long sentence', () => {
		for (const line of ['A1: 2 hộp', 'a 1: 2', 'chốt: A1', 'SL: 3', 'x: 2', 'giao giúp em tới nhà chị Hoa ở xóm trên: chốt 2']) {
			expect(parsePastedComments(line).comments[0], line).toMatchObject({ author: '', text: line })
		}
		expect(parsePastedComments('Lan: ').comments[0]).toMatchObject({ author: '', text: 'Lan:' })
		expect(parsePastedComments('12: chốt').comments[0]).toMatchObject({ author: '', text: '12: chốt' })
		expect(parsePastedComments('Mẹ Bắp 2020: chốt A1').comments[0]).toMatchObject({ author: 'Mẹ Bắp 2020', text: 'chốt A1' })
	})
	test('a clock in front is kept apart', () => {
		expect(parsePastedComments('[20:15] Lan: chốt A1\n20:16:05 Hoà: chốt B2').comments).toEqual([
			{ author: 'Lan', text: 'chốt A1', at: null, clock: '20:15' },
			{ author: 'Hoà', text: 'chốt B2', at: null, clock: '20:16:05' },
		])
	})
	test('more lines than a live ever gets are cut and counted', () => {
		const result = parsePastedComments(Array.from({ length: MAX_IMPORT_COMMENTS + 3 }, (_, i) => `c${i}`).join('\n'))
		expect(result.comments).toHaveLength(MAX_IMPORT_COMMENTS)
		expect(result.skipped).toBe(3)
	})
})

describe('exporter files', () => {
	test('an array with the common field names, and times in seconds, milliseconds or text', () => {
		const file = JSON.stringify([
			{ author: 'A', text: 'một', time: 1796644800 },
			{ name: 'B', comment: 'hai', created_at: '2026-12-07T12:00:01Z' },
			{ username: 'C', message: 'ba', createdAt: 1796644802000 },
			{ user: { nickname: 'D' }, content: 'bốn', timestamp: '1796644803' },
			{ from: { name: 'E' }, body: 'năm', created_time: '2026-12-07T12:00:04+0000' },
			{ uniqueId: 'f_tiktok', text: 'sáu', date: 'not a date' },
			{ text: '   ' },
			'chốt A1',
		])
		const result = parseCommentFile(file, 'export.json')
		expect(result.skipped).toBe(2)
		expect(result.comments.map((c) => [c.author, c.text, c.at?.toISOString() ?? null])).toEqual([
			['A', 'một', '2026-12-07T12:00:00.000Z'],
			['B', 'hai', '2026-12-07T12:00:01.000Z'],
			['C', 'ba', '2026-12-07T12:00:02.000Z'],
			['D', 'bốn', '2026-12-07T12:00:03.000Z'],
			['E', 'năm', '2026-12-07T12:00:04.000Z'],
			['f_tiktok', 'sáu', null],
		])
	})
	test('wrapped in {comments}, {data}, {items} or {messages}; JSON lines; a byte-order mark', () => {
		for (const key of ['comments', 'data', 'items', 'messages']) {
			expect(parseCommentFile(JSON.stringify({ [key]: [{ name: 'A', text: 'chốt' }] }), 'x.json').comments, key).toEqual([{ author: 'A', text: 'chốt', at: null, clock: null }])
		}
		const lines = `\uFEFF{"nickname":"A","comment":"chốt A1"}\n\n{"nickname":"B","comment":"huỷ"}\n`
		expect(parseCommentFile(lines, 'live.jsonl').comments.map((c) => c.author)).toEqual(['A', 'B'])
	})
	test('a text file reads like a paste; so does a file named .txt that starts like prose', () => {
		expect(parseCommentFile('Lan: chốt A1\nHoà: chốt B2', 'comments.txt').comments.map((c) => c.author)).toEqual(['Lan', 'Hoà'])
	})
	test('a broken JSON file or one without comments is refused with the reason', () => {
		expect(() => parseCommentFile('{"comments": [', 'x.json')).toThrow(CommentFileError)
		expect(() => parseCommentFile('{"comments": [', 'x.json')).toThrow(expect.objectContaining({ reason: 'unreadable' }))
		expect(() => parseCommentFile('{"likes": 3}', 'x.json')).toThrow(expect.objectContaining({ reason: 'not_comments' }))
		expect(() => parseCommentFile('[{"likes": 3}]', 'x.json')).toThrow(expect.objectContaining({ reason: 'not_comments' }))
		expect(() => parseCommentFile('chốt A1', 'x.json')).toThrow(expect.objectContaining({ reason: 'unreadable' }))
		expect(parseCommentFile('[]', 'x.json')).toEqual({ comments: [], skipped: 0 })
	})
})

test('times: seconds and milliseconds told apart by size; Graph offsets; nonsense is null', () => {
	expect(readTime(1796644800)).toEqual(new Date('2026-12-07T12:00:00Z'))
	expect(readTime(1796644800123)).toEqual(new Date('2026-12-07T12:00:00.123Z'))
	expect(readTime('2026-12-07T19:00:00+0700')).toEqual(new Date('2026-12-07T12:00:00Z'))
	expect(readTime(0)).toBeNull()
	expect(readTime(-5)).toBeNull()
	expect(readTime('soon')).toBeNull()
	expect(readTime(null)).toBeNull()
	expect(readTime({})).toBeNull()
})

describe('exactly where the lines are drawn', () => {
	const first = (line: string) => parsePastedComments(line).comments[0]
	test('a name of up to 40 characters and 5 words; spaces around the colon are not part of either', () => {
		const forty = 'A'.repeat(40)
		expect(first(`${forty}: chốt`)).toMatchObject({ author: forty, text: 'chốt' })
		expect(first(`${forty}B: chốt`)).toMatchObject({ author: '', text: `${forty}B: chốt` })
		expect(first('Bà Năm bán rau đầu: chốt')).toMatchObject({ author: 'Bà Năm bán rau đầu', text: 'chốt' })
		expect(first('Bà Năm bán rau đầu ngõ: chốt')).toMatchObject({ author: '', text: 'Bà Năm bán rau đầu ngõ: chốt' })
		expect(first('  Lan   Anh  :   chốt   A1  ')).toMatchObject({ author: 'Lan Anh', text: 'chốt A1' })
		expect(first(':chốt')).toMatchObject({ author: '', text: ':chốt' })
	})
	test('blank and white-space lines are not comments; Windows line ends are fine', () => {
		expect(parsePastedComments('a\r\n \t \r\n\r\nb').comments.map((c) => c.text)).toEqual(['a', 'b'])
		expect(parsePastedComments('   \n\n')).toEqual({ comments: [], skipped: 0 })
	})
	test('a clock needs a space after it', () => {
		expect(first('[20:15]chốt')).toMatchObject({ clock: null, text: '[20:15]chốt' })
		expect(first('9:05 chốt')).toMatchObject({ clock: '9:05', text: 'chốt' })
	})
	test('exporter fields: an empty or missing value falls to the next name; a non-text author is none; text is tidied and NFC', () => {
		const read = (entry: unknown) => parseCommentFile(JSON.stringify([entry]), 'x.json').comments[0]
		expect(read({ author: '', name: null, username: 'C', text: 'x' })).toMatchObject({ author: 'C' })
		expect(read({ author: 42, text: 'x' })).toMatchObject({ author: '' })
		expect(read({ name: '  Lan   Anh '.normalize('NFD'), text: '  chốt   A1 '.normalize('NFD') })).toEqual({ author: 'Lan Anh', text: 'chốt A1', at: null, clock: null })
		expect(read({ user: 'Lan', text: 'x' })).toMatchObject({ author: '' })
		expect(parseCommentFile('[null, 5, "x", {"text": "ok"}]', 'x.json')).toMatchObject({ comments: [{ text: 'ok' }], skipped: 3 })
	})
	test('JSON found by content whatever the name, and by name whatever the content', () => {
		expect(parseCommentFile('\n  [{"name":"A","text":"chốt"}]', 'export.txt').comments).toEqual([{ author: 'A', text: 'chốt', at: null, clock: null }])
		expect(parseCommentFile('{"nickname":"A","comment":"chốt"}', 'one-line.jsonl').comments).toEqual([{ author: 'A', text: 'chốt', at: null, clock: null }])
		expect(parseCommentFile('{"text":"a"}\n   \n{"text":"b"}', 'x.ndjson').comments.map((c) => c.text)).toEqual(['a', 'b'])
		for (const name of ['a.jsonl', 'a.ndjson', 'a.JSON']) expect(() => parseCommentFile('Lan: chốt', name), name).toThrow('comment file: unreadable')
		expect(parseCommentFile('Lan: chốt', 'a.json.txt').comments).toEqual([{ author: 'Lan', text: 'chốt', at: null, clock: null }])
		expect(() => parseCommentFile('{"likes": 3}', 'x.json')).toThrow(expect.objectContaining({ name: 'CommentFileError', message: 'comment file: not_comments' }))
	})
	test('more entries than a live ever gets are cut and counted', () => {
		const entries = Array.from({ length: MAX_IMPORT_COMMENTS + 2 }, (_, i) => ({ text: `c${i}` }))
		const result = parseCommentFile(JSON.stringify(entries), 'x.json')
		expect(result.comments).toHaveLength(MAX_IMPORT_COMMENTS)
		expect(result.skipped).toBe(2)
	})
	test('seconds below 10¹¹, milliseconds from there; digits with spaces are a number; an empty text is no time', () => {
		expect(readTime(99_999_999_999)).toEqual(new Date(99_999_999_999_000))
		expect(readTime(100_000_000_000)).toEqual(new Date(100_000_000_000))
		expect(readTime(' 1796644800 ')).toEqual(new Date('2026-12-07T12:00:00Z'))
		expect(readTime('')).toBeNull()
		expect(readTime('12a')).toBeNull()
	})
})
