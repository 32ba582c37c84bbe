import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { acceptUpload } from '~/media/intake.server.ts'
import { closeQueues } from '~/jobs/queues.server.ts'
import { mediaSearchText } from '~/media/search-text.ts'
import { hashPassword, normalizeEmail } from '~/utils/auth.server.ts'
import { configureSqlite, disconnectDb, getDb } from '~/utils/db.server.ts'
import { closeEventBus } from '~/utils/events.server.ts'
import { loadDotEnv } from '~/utils/dotenv.server.ts'
import { DEMO_CLIPS, DEMO_PHOTOS, makeDemoClip, makeDemoMusic, makeDemoPhoto } from './demo-media.ts'
import { seedPublishingDemo } from './demo-publishing.ts'
import { seedResultsDemo } from './demo-results.ts'
import { createDemoProducts } from './factories.ts'

// The demo co-op that `npm run up` shows: a tea co-op in Yên Bái with three
// products and a few photos, clips and a music bed, its publishing
// (prisma/demo-publishing.ts), and its orders, links and a past livestream
// (prisma/demo-results.ts). Runs once; a second run finds the demo account
// and only adds the publishing demo if an older seed left it out.

export const DEMO_EMAIL = 'demo@coopstudio.vn'
export const DEMO_PASSWORD = 'che-shan-tuyet'

loadDotEnv()

async function seed() {
	const db = getDb()
	await configureSqlite(db)
	const existing = await db.user.findUnique({
		where: { email: DEMO_EMAIL },
		select: { id: true, memberships: { select: { coopId: true }, orderBy: { createdAt: 'asc' }, take: 1 } },
	})
	if (existing) {
		const coopId = existing.memberships[0]?.coopId
		const products = coopId ? await db.product.findMany({ where: { coopId }, orderBy: { createdAt: 'asc' }, select: { id: true } }) : []
		const productIds = products.map((p) => p.id)
		const added = coopId ? await seedPublishingDemo({ coopId, userId: existing.id, productIds }) : false
		const addedResults = coopId ? await seedResultsDemo({ coopId, userId: existing.id, productIds }) : false
		console.log(`demo co-op already there (${DEMO_EMAIL})${added ? '; added its publishing demo' : ''}${addedResults ? '; added its orders and livestream' : ''}`)
		return
	}
	const user = await db.user.create({
		data: {
			name: 'Hoàng Thị Lan',
			email: normalizeEmail(DEMO_EMAIL),
			password: { create: { hash: await hashPassword(DEMO_PASSWORD) } },
		},
	})
	const coop = await db.coop.create({
		data: { name: 'HTX Chè Shan Tuyết Suối Giàng', province: 'Yên Bái', phone: '0912345678', zalo: '0912345678' },
	})
	await db.membership.create({ data: { userId: user.id, coopId: coop.id, role: 'owner' } })
	const productIds = await createDemoProducts(coop.id)
	const [teaId] = productIds
	await seedPublishingDemo({ coopId: coop.id, userId: user.id, productIds })
	await seedResultsDemo({ coopId: coop.id, userId: user.id, productIds })

	const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'coop-demo-'))
	try {
		const photoIds: string[] = []
		for (const scene of DEMO_PHOTOS) {
			const file = await makeDemoPhoto(scene, path.join(workDir, scene.file))
			photoIds.push((await acceptUpload({ filePath: file, coopId: coop.id, userId: user.id, clientName: scene.file, keepDuplicate: false })).mediaId)
		}
		const clipIds: string[] = []
		for (const scene of DEMO_CLIPS) {
			const file = await makeDemoClip(scene, path.join(workDir, scene.file), path.join(workDir, `${scene.file}.jpg`))
			clipIds.push((await acceptUpload({ filePath: file, coopId: coop.id, userId: user.id, clientName: scene.file, keepDuplicate: false })).mediaId)
		}
		const music = await makeDemoMusic(path.join(workDir, 'nhac-nen-nhe-nhang.m4a'))
		await acceptUpload({ filePath: music, coopId: coop.id, userId: user.id, clientName: 'nhac-nen-nhe-nhang.m4a', keepDuplicate: false })

		// The photos are still being processed, which the catalogue's own form
		// would refuse; the demo links them directly and tags the footage.
		await db.productPhoto.createMany({
			data: [
				{ productId: teaId, mediaId: photoIds[1], position: 0 },
				{ productId: teaId, mediaId: photoIds[2], position: 1 },
			],
		})
		await db.mediaProduct.createMany({
			data: [...photoIds.slice(0, 2), ...clipIds].map((mediaId) => ({ mediaId, productId: teaId })),
		})
		for (const mediaId of [...photoIds, ...clipIds]) {
			const { displayName } = await db.media.findUniqueOrThrow({ where: { id: mediaId }, select: { displayName: true } })
			const tags = { place: 'Suối Giàng', season: 'Xuân 2025' }
			await db.media.update({ where: { id: mediaId }, data: { ...tags, searchText: mediaSearchText({ displayName, ...tags }) } })
		}
	} finally {
		await fs.rm(workDir, { recursive: true, force: true })
	}
	console.log(`demo co-op ready: ${DEMO_EMAIL} / ${DEMO_PASSWORD}`)
}

try {
	await seed()
} finally {
	await Promise.all([closeQueues(), closeEventBus()])
	await disconnectDb()
}
