import { describe, expect, test } from 'vitest'
import { dispatchIntent } from '~/utils/intent.server.ts'

function form(fields: Record<string, string>) {
	const body = new FormData()
	for (const [name, value] of Object.entries(fields)) body.set(name, value)
	return body
}

async function refusal(run: () => Promise<unknown>) {
	const thrown = await run().then(
		() => null,
		(error: unknown) => error,
	)
	expect(thrown).toBeInstanceOf(Response)
	return thrown as Response
}

describe('dispatchIntent', () => {
	test('runs only the handler the form names and answers what it answers', async () => {
		const ran: string[] = []
		const answer = await dispatchIntent(form({ intent: 'remove' }), {
			save: async () => (ran.push('save'), 'saved'),
			remove: async () => (ran.push('remove'), 'removed'),
		})
		expect(answer).toBe('removed')
		expect(ran).toEqual(['remove'])
	})

	test('an intent the route does not know is a 400 that says, Vietnamese first, to reload and try again', async () => {
		const response = await refusal(() => dispatchIntent(form({ intent: 'publish' }), { save: async () => 'saved' }))
		expect(response.status).toBe(400)
		const text = await response.text()
		expect(text).toMatch(/^Trang này không làm được việc "publish"/)
		expect(text).toContain('Hãy tải lại trang rồi thử lại')
		expect(text).toContain('Reload the page and try again')
	})

	test('a form without an intent is refused the same way', async () => {
		const response = await refusal(() => dispatchIntent(form({ title: 'Chè' }), { save: async () => 'saved' }))
		expect(response.status).toBe(400)
	})

	test('names every object has (toString, constructor) are not intents', async () => {
		for (const intent of ['toString', 'constructor', '__proto__']) {
			const response = await refusal(() => dispatchIntent(form({ intent }), { save: async () => 'saved' }))
			expect(response.status, intent).toBe(400)
		}
	})
})
