import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { writePostCopy, type CopySettings } from '~/publishing/ai-copy.server.ts'
import type { CopyFacts } from '~/publishing/offline-copy.ts'

// "Viết bằng AI" against a local server that answers like OpenAI's chat
// completions with structured output, and the offline fall-back.

type Seen = { path: string; body: Record<string, any> }
const seen: Seen[] = []
let answer: (body: Record<string, any>) => { status: number; json: unknown } = () => ({ status: 500, json: {} })
let server: http.Server
let baseURL: string

beforeAll(async () => {
	server = http.createServer((req, res) => {
		let raw = ''
		req.on('data', (chunk) => (raw += chunk))
		req.on('end', () => {
			const body = JSON.parse(raw || '{}')
			seen.push({ path: req.url ?? '', body })
			const { status, json } = answer(body)
			res.writeHead(status, { 'content-type': 'application/json' })
			res.end(JSON.stringify(json))
		})
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const facts: CopyFacts = {
	coopName: 'HTX Miến dong Na Rì',
	product: { name: 'Miến dong', code: 'B2', priceVnd: 90_000, unit: 'gói', growingArea: 'Na Rì, Bắc Kạn', producerGroup: null, certifications: [], harvestDay: null, orderPhone: null },
	videoCaptions: ['Sợi miến dai, trong, không hóa chất'],
	link: null,
}
const settings = (): CopySettings => ({ apiKey: 'sk-test', baseURL, model: 'gpt-test-mini', timeoutMs: 5000, maxRetries: 0 })
const completion = (content: string) => ({
	status: 200,
	json: { id: 'c1', object: 'chat.completion', created: 1, model: 'gpt-test-mini', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }] },
})

test('with a key: asks for the post_copy JSON schema with the facts and the tone, and uses the answer', async () => {
	seen.length = 0
	answer = () => completion(JSON.stringify({ caption: 'Miến dong Na Rì dai ngon, bình luận B2 để đặt nhé!', hashtags: ['miếndong', '#bắc kạn'] }))
	const copy = await writePostCopy(facts, 'story', 'tiktok', settings())
	expect(copy).toEqual({ source: 'openai', hashtags: ['#miếndong', '#bắckạn'], caption: 'Miến dong Na Rì dai ngon, bình luận B2 để đặt nhé!\n\n#miếndong #bắckạn' })
	expect(seen).toHaveLength(1)
	expect(seen[0]!.path).toBe('/v1/chat/completions')
	const body = seen[0]!.body
	expect(body.model).toBe('gpt-test-mini')
	expect(body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'post_copy', strict: true } })
	expect(body.messages[0].content).toContain('kể chuyện')
	expect(JSON.parse(body.messages[1].content)).toMatchObject({ channel: 'tiktok', product: { code: 'B2', priceVnd: 90_000 } })
})

test('a server error or an answer that is not the schema falls back to the offline templates, with a warning', async () => {
	const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
	for (const bad of [() => ({ status: 500, json: { error: { message: 'boom' } } }), () => completion('not json'), () => completion('{"caption": ""}')]) {
		answer = bad
		const copy = await writePostCopy(facts, 'promo', 'facebook', settings())
		expect(copy.source).toBe('offline')
		expect(copy.caption).toContain('MIẾN DONG')
	}
	expect(warn).toHaveBeenCalledTimes(3)
	warn.mockRestore()
})

test('without a key nothing is sent and the offline copy comes back', async () => {
	seen.length = 0
	const copy = await writePostCopy(facts, 'friendly', 'zalo', { ...settings(), apiKey: undefined })
	expect(copy.source).toBe('offline')
	expect(seen).toHaveLength(0)
})
