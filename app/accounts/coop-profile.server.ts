import { getDb } from '~/utils/db.server.ts'

// How many photos the logo picker shows: the newest ones, plus the current logo.
const LOGO_CHOICES_SHOWN = 48

export function getCoopProfile(coopId: string) {
	return getDb().coop.findUniqueOrThrow({
		where: { id: coopId },
		select: {
			id: true,
			name: true,
			province: true,
			timezone: true,
			phone: true,
			zalo: true,
			logoMediaId: true,
			bankBin: true,
			bankAccount: true,
			bankAccountName: true,
			updatedAt: true,
		},
	})
}

const readyPhoto = (coopId: string) => ({ coopId, kind: 'photo', status: 'ready' })

/** The co-op's ready photos that can become its logo, newest first, the current logo always among them. */
export async function listLogoChoices(coopId: string, currentLogoId: string | null) {
	const db = getDb()
	const select = { id: true, displayName: true } as const
	const recent = await db.media.findMany({
		where: readyPhoto(coopId),
		select,
		orderBy: { createdAt: 'desc' },
		take: LOGO_CHOICES_SHOWN,
	})
	if (!currentLogoId || recent.some((m) => m.id === currentLogoId)) return recent
	const current = await db.media.findFirst({ where: { id: currentLogoId, ...readyPhoto(coopId) }, select })
	return current ? [current, ...recent] : recent
}

/** True when `mediaId` is a ready photo of this co-op (never another co-op's, never a video). */
export async function isLogoChoice(coopId: string, mediaId: string) {
	return (await getDb().media.count({ where: { id: mediaId, ...readyPhoto(coopId) } })) === 1
}

export function updateCoopProfile(
	coopId: string,
	profile: {
		name: string
		province: string
		timezone: string
		phone: string | null
		zalo: string | null
		logoMediaId: string | null
		bankBin?: string | null
		bankAccount?: string | null
		bankAccountName?: string | null
	},
) {
	return getDb().coop.update({ where: { id: coopId }, data: profile })
}

/** The co-op's name and time zone, for headings and dates; callers have already checked membership. */
export function getCoopSummary(coopId: string) {
	return getDb().coop.findUniqueOrThrow({ where: { id: coopId }, select: { name: true, timezone: true } })
}
