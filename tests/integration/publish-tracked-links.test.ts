import type { Worker } from 'bullmq'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startFakePlatforms, type FakePlatforms } from '#tests/support/fake-platforms.ts'
import { createChannel, createCoopWithOwner, createReadyRender, usePlatforms } from '#tests/support/publish-engine-world.ts'
import { callRoute } from '#tests/support/session-requests.ts'
import { startPublishWorker } from '#workers/publish/worker.ts'
import { jobIds, QUEUES } from '~/jobs/definitions.ts'
import { getQueue } from '~/jobs/queues.server.ts'
import { flushClicks } from '~/links/clicks.server.ts'
import { postFormSchema } from '~/publishing/post-schema.ts'
import { savePost } from '~/publishing/posts.server.ts'
import * as redirectRoute from '~/routes/l.$slug.ts'
import { getDb } from '~/utils/db.server.ts'
import { closeEventBus } from '~/utils/events.server.ts'
import { createTestProduct } from '../../prisma/factories.ts'

// The composer's per-channel tracked links, all the way to the platform: a post
// scheduled on two Pages reaches each with its own short link, and each short
// link leads to the product's page and counts for its own target.

let platforms: FakePlatforms
let worker: Worker

beforeAll(async () => {
	platforms = await startFakePlatforms()
	usePlatforms(platforms.url)
	worker = startPublishWorker()
})
afterAll(async () => {
	await worker.close()
	await platforms.close()
	await closeEventBus()
})

async function settled(targetId: string, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs
	for (;;) {
		const job = await getQueue(QUEUES.publish).getJob(jobIds.publish(targetId, 1))
		const state = job ? await job.getState() : 'missing'
		if (state === 'completed' || state === 'failed') return getDb().postTarget.findUniqueOrThrow({ where: { id: targetId } })
		if (Date.now() > deadline) throw new Error(`the job of ${targetId} is still ${state}`)
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
}

test("a post scheduled on two channels sends each its own tracked link, and each link counts for its own target", async () => {
	const { coopId, userId } = await createCoopWithOwner()
	const first = await createChannel(coopId, { platform: 'facebook_page', externalId: '1234' })
	const second = await createChannel(coopId, { platform: 'facebook_page', externalId: '5678', token: 'page-token' })
	const { renderId } = await createReadyRender(coopId)
	await getDb().render.update({ where: { id: renderId }, data: { format: 'tiktok-reels' } })
	const product = await createTestProduct(coopId, { name: 'Chè Shan tuyết Suối Giàng' })
	const before = new Set(platforms.reels.keys())

	const saved = await savePost(
		{ coopId, userId, role: 'owner' },
		postFormSchema.parse({ renderId, productId: product.id, channelIds: [first.id, second.id], caption: 'Chè mới hái', hashtags: '#chè', when: 'now' }),
		{ origin: 'https://coop.example' },
	)
	expect(saved).toMatchObject({ ok: true, outcome: 'scheduled' })
	const targets = await getDb().postTarget.findMany({ where: { postId: (saved as { postId: string }).postId } })
	for (const target of targets) expect((await settled(target.id)).state).toBe('published')

	const sent = [...platforms.reels.entries()].filter(([id]) => !before.has(id)).map(([, reel]) => reel.description ?? '')
	expect(sent).toHaveLength(2)
	const slugs = sent.map((text) => /👉 https:\/\/coop\.example\/l\/([a-z0-9]{6})$/.exec(text)?.[1])
	expect(slugs.every(Boolean)).toBe(true)
	expect(new Set(slugs).size).toBe(2)
	const links = await getDb().trackedLink.findMany({ where: { slug: { in: slugs as string[] } } })
	expect(new Set(links.map((link) => link.postTargetId))).toEqual(new Set(targets.map((target) => target.id)))

	const { publicSlug } = await getDb().product.findUniqueOrThrow({ where: { id: product.id } })
	for (const slug of slugs as string[]) {
		const answer = await callRoute(redirectRoute.loader as never, new Request(`http://localhost/l/${slug}`, { headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) Mobile/15E148' } }), { slug }, { clientAddress: '203.0.113.7' })
		expect(answer.status).toBe(302)
		expect(answer.location).toMatch(new RegExp(`^/p/${publicSlug}\\?c=`))
	}
	await flushClicks()
	for (const link of links) expect(await getDb().click.count({ where: { linkId: link.id, counted: true } })).toBe(1)
})
