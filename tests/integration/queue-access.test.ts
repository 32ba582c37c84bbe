import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { addMember, createUserWithCoop } from '../../prisma/factories.ts'
import { canOpenQueueDashboard } from '~/accounts/queue-access.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'
import { startTsxProcess, waitForHealthy, type RunningProcess } from '#tests/support/processes.ts'
import { ensureBuild, spawnedProcessEnv } from '#tests/support/server-env.ts'
import { sessionCookie } from '#tests/support/session-requests.ts'

// The queue dashboard controls every co-op's jobs: on a shared server only
// the operators named in OPERATOR_EMAILS open it; on a single co-op's own
// machine its owners do. Checked on the rule and through the real server.

afterEach(() => {
	delete process.env.OPERATOR_EMAILS
	resetEnvForTests()
})

test('one co-op on the machine: its owners open the dashboard, its editors do not', async () => {
	await getDb().coop.deleteMany()
	const { user: owner } = await createUserWithCoop()
	const { user: editor } = await addMember((await getDb().coop.findFirstOrThrow()).id, { role: 'editor' })
	expect(await canOpenQueueDashboard({ email: owner.email, role: 'owner' })).toBe(true)
	expect(await canOpenQueueDashboard({ email: editor.email, role: 'editor' })).toBe(false)
})

test('a second co-op on the machine closes it to owners; named operators open it whatever their role', async () => {
	await getDb().coop.deleteMany()
	const { user: owner } = await createUserWithCoop()
	const { user: other } = await createUserWithCoop()
	expect(await canOpenQueueDashboard({ email: owner.email, role: 'owner' })).toBe(false)

	process.env.OPERATOR_EMAILS = ` ${other.email.toUpperCase()} , ops@example.vn`
	resetEnvForTests()
	expect(await canOpenQueueDashboard({ email: other.email, role: 'viewer' })).toBe(true)
	expect(await canOpenQueueDashboard({ email: 'ops@example.vn', role: null })).toBe(true)
	expect(await canOpenQueueDashboard({ email: owner.email, role: 'owner' })).toBe(false)
})

describe('through the web server', () => {
	let web: RunningProcess
	let origin: string
	beforeAll(async () => {
		ensureBuild()
		const env = await spawnedProcessEnv({ OPERATOR_EMAILS: 'ops@example.vn' })
		web = startTsxProcess('server/index.ts', env)
		origin = `http://127.0.0.1:${env.PORT}`
		await waitForHealthy(`${origin}/healthz`, web)
	})
	afterAll(async () => {
		await web?.stop()
	})

	test("an owner who is not an operator gets 403 with the reason; the operator gets bull-board, and the header links to it for them only", async () => {
		const { user: owner, coop } = await createUserWithCoop()
		const { user: operator } = await addMember(coop.id, { role: 'viewer', email: 'ops@example.vn' })
		const asOwner = await fetch(`${origin}/admin/queues`, { headers: { cookie: await sessionCookie(owner.id, { activeCoopId: coop.id }) }, redirect: 'manual' })
		expect(asOwner.status).toBe(403)
		expect(await asOwner.text()).toContain('OPERATOR_EMAILS')

		const operatorCookie = await sessionCookie(operator.id, { activeCoopId: coop.id })
		const asOperator = await fetch(`${origin}/admin/queues`, { headers: { cookie: operatorCookie }, redirect: 'manual' })
		expect(asOperator.status).toBe(200)
		expect(await asOperator.text()).toContain('__UI_CONFIG__')

		const pageFor = async (cookie: string) => (await fetch(`${origin}/studio`, { headers: { cookie } })).text()
		expect(await pageFor(operatorCookie)).toContain('href="/admin/queues"')
		expect(await pageFor(await sessionCookie(owner.id, { activeCoopId: coop.id }))).not.toContain('href="/admin/queues"')
	})
})
