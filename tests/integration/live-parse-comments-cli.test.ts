import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'

// `studio parse-comments` as a tool drives it: JSON lines in, JSON lines out.

const studio = path.resolve('bin/studio.js')
let dir: string
beforeAll(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'parse-comments-'))
	await fs.writeFile(path.join(dir, 'products.json'), JSON.stringify([{ code: 'A1', name: 'Chè Shan tuyết' }, { code: 'B2', name: 'Miến dong', aliases: ['miến'] }]))
	await fs.writeFile(path.join(dir, 'broken.json'), '{"code": "A1"')
})
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

function run(args: string[], input: string) {
	return new Promise<{ code: number; lines: unknown[]; stderr: string }>((resolve) => {
		const child = spawn(process.execPath, [studio, 'parse-comments', ...args], { cwd: dir })
		let stdout = ''
		let stderr = ''
		child.stdout.on('data', (chunk) => (stdout += chunk))
		child.stderr.on('data', (chunk) => (stderr += chunk))
		child.on('close', (code) => resolve({ code: code ?? 1, lines: stdout.trim() ? stdout.trim().split('\n').map((l) => JSON.parse(l)) : [], stderr }))
		child.stdin.end(input)
	})
}

test('one answer a comment, in order, with the product on screen for a bare "chốt"', async () => {
	const input = [
		{ text: 'chốt A1 2 hộp 0912 345 678', author: 'Lan' },
		{ text: 'chốt', current: 'B2' },
		{ text: 'miến giá bao nhiêu?' },
		{ text: 'huỷ A1' },
		{ text: 'đẹp quá' },
	].map((c) => JSON.stringify(c)).join('\n')
	const result = await run(['--products', 'products.json'], `${input}\n`)
	expect(result.code).toBe(0)
	expect(result.lines).toEqual([
		{ intent: 'order', items: [{ code: 'A1', qty: 2 }], phone: '0912345678' },
		{ intent: 'order', items: [{ code: 'B2', qty: 1 }], phone: null },
		{ intent: 'question', items: [], phone: null },
		{ intent: 'cancel', items: [{ code: 'A1', qty: 1 }], phone: null },
		{ intent: 'none', items: [], phone: null },
	])
})

test('--debug explains; a line that is not a comment keeps its place with an error and exit 1', async () => {
	const result = await run(['--products', 'products.json', '--debug'], '{"text":"A1 x2"}\nnot json\n')
	expect(result.code).toBe(1)
	expect(result.lines[0]).toMatchObject({ intent: 'order', debug: expect.arrayContaining(['code A1 → A1 × 2']) })
	expect(result.lines[1]).toMatchObject({ intent: 'none', items: [], phone: null, error: expect.stringContaining('line 2') })
	expect(result.stderr).toContain('line 2')
})

test('a missing or broken products file is a usage error (exit 2) that says what is wrong', async () => {
	expect(await run([], '')).toMatchObject({ code: 2, lines: [] })
	const broken = await run(['--products', 'broken.json'], '')
	expect(broken.code).toBe(2)
	expect(broken.stderr).toContain('must be a JSON array')
	expect((await run(['--products', 'nope.json'], '')).stderr).toContain('Cannot read nope.json')
})

test('the whole unit corpus through the command: exactly {intent, items, phone} per line, as the parser reads it', async () => {
	const corpus = await fs.readFile(path.resolve('tests/unit/live-comment-corpus.test.ts'), 'utf8')
	const lines = corpus.split('const CORPUS = `')[1]!.split('`')[0]!.trim().split('\n')
	const comments = lines.map((line) => {
		const [text, current] = line.split('|')
		return { text: text!, ...(current ? { current } : {}) }
	})
	await fs.writeFile(path.join(dir, 'corpus-products.json'), JSON.stringify([
		{ code: 'A1', name: 'Chè Shan tuyết', aliases: ['chè cổ thụ', 'trà shan'] },
		{ code: 'A2', name: 'Chè Shan tuyết đặc biệt' },
		{ code: 'B2', name: 'Miến dong', aliases: ['miến'] },
		{ code: 'C3', name: 'Tinh dầu quế' },
		{ code: 'D4', name: 'Mật ong bạc hà', aliases: ['mật ong'] },
	]))
	const result = await run(['--products', 'corpus-products.json'], `${comments.map((c) => JSON.stringify(c)).join('\n')}\n`)
	expect(result.code).toBe(0)
	expect(result.lines).toHaveLength(comments.length)
	result.lines.forEach((line, index) => {
		const [, , intent, items, phone] = lines[index]!.split('|')
		expect(Object.keys(line as object)).toEqual(['intent', 'items', 'phone'])
		expect(line).toEqual({
			intent,
			items: items ? items.split(' ').map((item) => ({ code: item.split(':')[0], qty: Number(item.split(':')[1]) })) : [],
			phone: phone || null,
		})
	})
})
