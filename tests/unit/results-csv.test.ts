import { expect, test } from 'vitest'
import { escapeCsvCell, toCsv } from '~/results/csv.ts'

test('cells that a spreadsheet would run as a formula get a leading single quote', () => {
	expect(escapeCsvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`)
	expect(escapeCsvCell('+84 912')).toBe("'+84 912")
	expect(escapeCsvCell('-5')).toBe("'-5")
	expect(escapeCsvCell('@SUM(A1)')).toBe("'@SUM(A1)")
	expect(escapeCsvCell('\tcmd')).toBe("'\tcmd")
	expect(escapeCsvCell('\rcmd')).toBe(`"'\rcmd"`)
	expect(escapeCsvCell('a=b')).toBe('a=b')
	expect(escapeCsvCell(' =x')).toBe(' =x')
})

test('commas, quotes and line breaks are quoted; numbers stay numbers; empty stays empty', () => {
	expect(escapeCsvCell('Chè Shan tuyết, 200g')).toBe('"Chè Shan tuyết, 200g"')
	expect(escapeCsvCell('Trà "ngon"')).toBe('"Trà ""ngon"""')
	expect(escapeCsvCell('hai\ndòng')).toBe('"hai\ndòng"')
	expect(escapeCsvCell('Mật ong')).toBe('Mật ong')
	expect(escapeCsvCell(-1500)).toBe('-1500')
	expect(escapeCsvCell(0.125)).toBe('0.125')
	expect(escapeCsvCell(Number.NaN)).toBe('')
	expect(escapeCsvCell(null)).toBe('')
	expect(escapeCsvCell(undefined)).toBe('')
	expect(escapeCsvCell('')).toBe('')
})

test('a document: BOM, commas, CRLF after every row', () => {
	expect(toCsv([['Nguồn', 'Đơn'], ['=1+1', 3], [null, -2]])).toBe("\uFEFFNguồn,Đơn\r\n'=1+1,3\r\n,-2\r\n")
	expect(toCsv([])).toBe('\uFEFF\r\n')
})
