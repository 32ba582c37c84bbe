import { getDb } from '~/utils/db.server.ts'

// A live session with its lineup, written the way the run sheet will write it
// (the comment tests need rows, not those pages).

export type LineupEntry = { code: string; name: string; productName?: string; productCode?: string; stockOpened?: number | null; priceVnd?: number }

export const TEA_LINEUP: LineupEntry[] = [
	{ code: 'A1', name: 'Chè Shan tuyết', productName: 'Chè cổ thụ Suối Giàng', stockOpened: 5 },
	{ code: 'B2', name: 'Miến dong', stockOpened: null },
	{ code: 'C3', name: 'Tinh dầu quế', stockOpened: 3 },
]

export async function createLiveSession(
	coopId: string,
	options: { lineup?: LineupEntry[]; state?: string; platform?: 'facebook' | 'other'; channelId?: string | null; liveVideoId?: string | null; onScreen?: string | null } = {},
) {
	const db = getDb()
	const session = await db.liveSession.create({
		data: {
			coopId,
			title: 'Live tối thứ bảy',
			state: options.state ?? 'live',
			platform: options.platform ?? 'other',
			channelId: options.channelId ?? null,
			liveVideoId: options.liveVideoId ?? null,
			startedAt: new Date(),
		},
	})
	const items: Record<string, string> = {}
	for (const [position, entry] of (options.lineup ?? TEA_LINEUP).entries()) {
		const product = await db.product.create({
			data: { coopId, name: entry.productName ?? entry.name, code: entry.productCode ?? `P${entry.code}${Math.random().toString(36).slice(2, 6)}`.toUpperCase(), priceVnd: entry.priceVnd ?? 120_000, unit: 'hộp' },
		})
		const item = await db.liveItem.create({
			data: { sessionId: session.id, productId: product.id, position, code: entry.code, name: entry.name, priceVnd: entry.priceVnd ?? 120_000, stockOpened: entry.stockOpened ?? null },
		})
		items[entry.code] = item.id
	}
	if (options.onScreen) await db.liveSession.update({ where: { id: session.id }, data: { onScreenItemId: items[options.onScreen] } })
	return { sessionId: session.id, items }
}

export async function pendingIntents(sessionId: string) {
	const intents = await getDb().liveOrderIntent.findMany({ where: { sessionId }, orderBy: { createdAt: 'asc' } })
	return intents.map((intent) => ({ viewerKey: intent.viewerKey, viewerName: intent.viewerName, state: intent.state, items: JSON.parse(intent.items) as unknown, phone: intent.phone, comments: (JSON.parse(intent.commentIds) as string[]).length }))
}
