import { afterEach, beforeAll, expect, test } from 'vitest'
import { freePort, startTsxProcess, waitForHealthy, type RunningProcess } from '#tests/support/processes.ts'
import { ensureBuild, spawnedProcessEnv } from '#tests/support/server-env.ts'

const started: RunningProcess[] = []
afterEach(async () => {
	await Promise.all(started.splice(0).map((p) => p.stop('SIGKILL')))
})

beforeAll(() => ensureBuild())

function start(entry: string, env: NodeJS.ProcessEnv) {
	const proc = startTsxProcess(entry, env)
	started.push(proc)
	return proc
}

test('web and worker report healthy, and both exit cleanly on SIGTERM', async () => {
	const env = await spawnedProcessEnv()
	const web = start('server/index.ts', env)
	const worker = start('workers/index.ts', env)
	await waitForHealthy(`http://127.0.0.1:${env.PORT}/healthz`, web)
	await waitForHealthy(`http://127.0.0.1:${env.WORKER_HEALTH_PORT}/healthz`, worker)

	const webHealth = await fetch(`http://127.0.0.1:${env.PORT}/healthz`).then((r) => r.json())
	expect(webHealth).toEqual({ status: 'ok', process: 'web', database: 'ok', redis: 'ok' })
	const workerHealth = await fetch(`http://127.0.0.1:${env.WORKER_HEALTH_PORT}/healthz`).then((r) => r.json())
	expect(workerHealth.status).toBe('ok')
	expect(workerHealth.workers.map((w: { queue: string }) => w.queue)).toContain('maintenance')

	const [webExit, workerExit] = await Promise.all([web.stop('SIGTERM'), worker.stop('SIGTERM')])
	expect(webExit).toBe(0)
	expect(workerExit).toBe(0)
	expect(web.output()).toContain('SIGTERM received')
	expect(worker.output()).toContain('finishing active jobs')
})

test('the web health check answers 503 and names Redis when Redis does not answer', async () => {
	const deadRedis = `redis://127.0.0.1:${await freePort()}`
	const env = await spawnedProcessEnv({ REDIS_URL: deadRedis })
	const web = start('server/index.ts', env)
	const url = `http://127.0.0.1:${env.PORT}/healthz`
	let response: Response | undefined
	for (let attempt = 0; attempt < 120 && !response; attempt++) {
		response = await fetch(url).catch(() => undefined)
		if (!response) await new Promise((r) => setTimeout(r, 250))
	}
	expect(response?.status).toBe(503)
	const body = await response!.json()
	expect(body.database).toBe('ok')
	expect(body.redis).not.toBe('ok')
	await web.stop('SIGKILL')
})

test('the queue dashboard sends a signed-out visitor to the login page', async () => {
	const env = await spawnedProcessEnv()
	const web = start('server/index.ts', env)
	await waitForHealthy(`http://127.0.0.1:${env.PORT}/healthz`, web)
	const response = await fetch(`http://127.0.0.1:${env.PORT}/admin/queues`, { redirect: 'manual' })
	expect(response.status).toBe(302)
	expect(response.headers.get('location')).toMatch(/^\/login\?redirectTo=%2Fadmin%2Fqueues/)
})
