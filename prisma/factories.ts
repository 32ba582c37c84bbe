import type { Role } from '~/accounts/permissions.ts'
import { createProduct } from '~/products/products.server.ts'
import type { ProductInput } from '~/products/schema.ts'
import { hashPassword, normalizeEmail } from '~/utils/auth.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { encryptSecret } from '~/utils/encryption.server.ts'

// Test data and demo data come from the same functions, so the seed shows
// exactly what the tests exercise. Everything goes through the real domain
// code (createProduct), never around it.

export const DEFAULT_PASSWORD = 'mat-khau-du-dai'

let sequence = 0
function uniqueSuffix() {
	return `${Date.now().toString(36)}${(sequence++).toString(36)}${Math.random().toString(36).slice(2, 6)}`
}

type PersonOverrides = { name?: string; email?: string; password?: string }

async function createUser({ name, email, password = DEFAULT_PASSWORD }: PersonOverrides = {}) {
	const suffix = uniqueSuffix()
	const user = await getDb().user.create({
		data: {
			name: name ?? `Lò Thị Mai ${suffix}`,
			email: normalizeEmail(email ?? `mai.${suffix}@example.vn`),
			password: { create: { hash: await hashPassword(password) } },
		},
	})
	return { user, password }
}

/** A person with a co-op of their own, as sign-up makes them (owner unless told otherwise). */
export async function createUserWithCoop(
	overrides: PersonOverrides & { coopName?: string; province?: string; role?: Role } = {},
) {
	const { user, password } = await createUser(overrides)
	const coop = await getDb().coop.create({
		data: {
			name: overrides.coopName ?? `HTX Chè Shan Tuyết ${uniqueSuffix()}`,
			province: overrides.province ?? 'Yên Bái',
		},
	})
	const role = overrides.role ?? 'owner'
	await getDb().membership.create({ data: { userId: user.id, coopId: coop.id, role } })
	return { user, coop, role, password }
}

/** Another member of an existing co-op. */
export async function addMember(coopId: string, overrides: PersonOverrides & { role?: Role } = {}) {
	const { user, password } = await createUser(overrides)
	const role = overrides.role ?? 'editor'
	await getDb().membership.create({ data: { userId: user.id, coopId, role } })
	return { user, role, password }
}

/**
 * A ready photo's library row (no file behind it): enough for the catalogue,
 * which only links to photos. Tests of the media library itself make real files.
 */
export async function createPhotoRecord(coopId: string, overrides: { displayName?: string; status?: string; kind?: string } = {}) {
	const suffix = uniqueSuffix()
	return getDb().media.create({
		data: {
			coopId,
			kind: overrides.kind ?? 'photo',
			status: overrides.status ?? 'ready',
			displayName: overrides.displayName ?? `doi-che-${suffix}.jpg`,
			mimeType: 'image/jpeg',
			sizeBytes: BigInt(245_000),
			storageKey: `coops/${coopId}/media/factory-${suffix}/original.jpg`,
			width: 1600,
			height: 1200,
		},
	})
}

/** A plain valid product; tests override what they look at. */
export function productInput(overrides: Partial<ProductInput> = {}): ProductInput {
	return {
		name: 'Chè búp khô',
		code: 'A1',
		priceVnd: 120_000,
		unit: 'gói',
		certifications: [],
		photoIds: [],
		...overrides,
	}
}

/** The demo tea co-op's catalogue (prisma/seed.ts), with realistic prices and traceability. */
export function demoProducts(): ProductInput[] {
	return [
		{
			name: 'Chè Shan tuyết Suối Giàng',
			code: 'A1',
			priceVnd: 280_000,
			unit: 'hộp 200g',
			description:
				'Búp chè hái từ những cây Shan tuyết cổ thụ trên 100 năm tuổi ở độ cao 1.400 m, sao thủ công bằng chảo gang.\nNước vàng sánh, vị chát nhẹ, hậu ngọt sâu. Pha với nước 90°C, hãm 2–3 phút.',
			growingArea: 'Suối Giàng, Văn Chấn, Yên Bái',
			batch: 'SG-2025-04',
			harvestDate: '2025-04-12',
			producerGroup: 'Tổ hợp tác chè cổ thụ Suối Giàng',
			certifications: ['ocop-4', 'vietgap'],
			zaloUrl: 'https://zalo.me/0912345678',
			orderPhone: '0912345678',
			photoIds: [],
		},
		{
			name: 'Gạo J02',
			code: 'B1',
			priceVnd: 175_000,
			unit: 'túi 5kg',
			description: 'Gạo Nhật J02 vụ xuân, hạt tròn, dẻo và thơm khi nấu. Xay xát trong tuần, đóng túi hút chân không.',
			growingArea: 'Cánh đồng Mường Lò, Nghĩa Lộ, Yên Bái',
			batch: 'J02-VX-2025',
			harvestDate: '2025-06-05',
			producerGroup: 'Nhóm hộ trồng lúa Phù Nham',
			certifications: ['vietgap'],
			orderPhone: '0912345678',
			photoIds: [],
		},
		{
			name: 'Tinh dầu quế',
			code: 'C1',
			priceVnd: 85_000,
			unit: 'chai 10ml',
			description: 'Chưng cất từ lá và cành quế Văn Yên. Xông phòng, pha loãng để massage; không uống.',
			growingArea: 'Đại Sơn, Văn Yên, Yên Bái',
			batch: 'TDQ-2025-03',
			harvestDate: '2025-03-20',
			producerGroup: 'Tổ hộ chưng cất tinh dầu quế Đại Sơn',
			certifications: ['organic', 'ocop-3'],
			orderPhone: '0912345678',
			photoIds: [],
		},
	]
}

export async function createTestProduct(coopId: string, overrides: Partial<ProductInput> = {}) {
	return createProduct(coopId, productInput(overrides))
}

/** The three demo products in `coopId`; returns their ids in order (A1, B1, C1). */
export async function createDemoProducts(coopId: string) {
	const ids: string[] = []
	for (const input of demoProducts()) ids.push((await createProduct(coopId, input)).id)
	return ids
}

type ChannelOverrides = {
	platform?: 'facebook_page' | 'zalo_oa' | 'tiktok' | 'manual'
	manualKind?: 'zalo_personal' | 'zalo_group' | 'facebook_group' | 'marketplace' | 'other'
	name?: string
	externalId?: string | null
	address?: string | null
	/** Stored through the encryption module, as the channels code does. */
	accessToken?: string | null
	accessExpiresAt?: Date | null
	state?: 'connected' | 'needs_reconnect'
	stateReason?: string | null
	directPost?: boolean
}

/** A channel of a co-op: a Facebook Page with `page-token` unless told otherwise. */
export async function createChannel(coopId: string, overrides: ChannelOverrides = {}) {
	const platform = overrides.platform ?? 'facebook_page'
	const token = overrides.accessToken === undefined ? (platform === 'manual' ? null : 'page-token') : overrides.accessToken
	return getDb().channel.create({
		data: {
			coopId,
			platform,
			manualKind: platform === 'manual' ? (overrides.manualKind ?? 'zalo_group') : null,
			name: overrides.name ?? `Kênh ${uniqueSuffix()}`,
			externalId: platform === 'manual' ? null : (overrides.externalId ?? uniqueSuffix()),
			address: overrides.address ?? null,
			accessToken: token ? encryptSecret(token) : null,
			accessExpiresAt: overrides.accessExpiresAt ?? null,
			state: overrides.state ?? 'connected',
			stateReason: overrides.stateReason ?? null,
			directPost: overrides.directPost ?? false,
		},
	})
}

/** A post with one caption (attach a render or a photo set when the test needs the file). */
export async function createPost(
	coopId: string,
	overrides: { caption?: string; hashtags?: string; link?: string | null; renderId?: string | null; productId?: string | null; createdById?: string | null } = {},
) {
	return getDb().post.create({
		data: {
			coopId,
			caption: overrides.caption ?? 'Chè Shan tuyết Suối Giàng, búp non hái sáng sớm 🍃',
			hashtags: overrides.hashtags ?? '#cheshantuyet #yenbai',
			link: overrides.link ?? null,
			renderId: overrides.renderId ?? null,
			productId: overrides.productId ?? null,
			createdById: overrides.createdById ?? null,
		},
	})
}

type TargetOverrides = {
	kind?: string
	state?: 'draft' | 'scheduled' | 'publishing' | 'published' | 'failed' | 'unconfirmed' | 'needs_attention'
	dueAt?: Date | null
	platformId?: string | null
	postUrl?: string | null
	publishedAt?: Date | null
	nextInsightsAt?: Date | null
	reason?: string | null
	errorKind?: string | null
	errorMessage?: string | null
	runs?: number
}

/** One post on one channel, in whatever state the test needs. */
export async function createTarget(post: { id: string; coopId: string }, channel: { id: string }, overrides: TargetOverrides = {}) {
	return getDb().postTarget.create({
		data: {
			postId: post.id,
			coopId: post.coopId,
			channelId: channel.id,
			kind: overrides.kind ?? 'facebook-reel',
			state: overrides.state ?? 'draft',
			dueAt: overrides.dueAt ?? null,
			platformId: overrides.platformId ?? null,
			postUrl: overrides.postUrl ?? null,
			publishedAt: overrides.publishedAt ?? null,
			nextInsightsAt: overrides.nextInsightsAt ?? null,
			reason: overrides.reason ?? null,
			errorKind: overrides.errorKind ?? null,
			errorMessage: overrides.errorMessage ?? null,
			runs: overrides.runs ?? 0,
		},
	})
}
