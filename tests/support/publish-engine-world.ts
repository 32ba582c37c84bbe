import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { renderDirKey, resolveMediaPath } from '~/media/storage.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { encryptSecret } from '~/utils/encryption.server.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'
import { createUserWithCoop } from '../../prisma/factories.ts'

// A co-op with a rendered video, a channel and a post on it, written the way
// the composer and the channel pages will write them (the engine's tests need
// rows, not those pages).

/** Points the platform clients at a fake and gives the process an encryption key; call before the first getEnv(). */
export function usePlatforms(url: string, extra: Record<string, string> = {}) {
	Object.assign(process.env, {
		FACEBOOK_GRAPH_URL: url,
		ZALO_OPENAPI_URL: url,
		ZALO_OAUTH_URL: url,
		TIKTOK_API_URL: url,
		PLATFORM_POLL_INTERVAL_MS: '20',
		PLATFORM_POLL_TIMEOUT_MS: '5000',
		PLATFORM_REQUEST_TIMEOUT_MS: '2000',
		ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? crypto.randomBytes(32).toString('hex'),
		...extra,
	})
	resetEnvForTests()
}

export type ChannelSpec =
	| { platform: 'facebook_page'; externalId?: string; token?: string }
	| { platform: 'zalo_oa'; externalId?: string; token?: string }
	| { platform: 'tiktok'; externalId?: string; token?: string }
	| { platform: 'manual'; manualKind?: string }

const DEFAULT_TOKENS = { facebook_page: 'page-token', zalo_oa: 'zalo-token', tiktok: 'tiktok-token' } as const
const DEFAULT_IDS = { facebook_page: '1234', zalo_oa: 'oa-1', tiktok: 'open-1' } as const

export async function createCoopWithOwner() {
	const { user, coop } = await createUserWithCoop({ role: 'owner' })
	return { coopId: coop.id, userId: user.id }
}

export async function createChannel(coopId: string, spec: ChannelSpec) {
	if (spec.platform === 'manual') {
		return getDb().channel.create({ data: { coopId, platform: 'manual', manualKind: spec.manualKind ?? 'zalo_group', name: 'Nhóm Zalo bà con' } })
	}
	return getDb().channel.create({
		data: {
			coopId,
			platform: spec.platform,
			externalId: spec.externalId ?? DEFAULT_IDS[spec.platform],
			name: `Kênh ${spec.platform}`,
			accessToken: encryptSecret(spec.token ?? DEFAULT_TOKENS[spec.platform]),
		},
	})
}

/** A finished render whose file (random bytes of `bytes` length) is in the media store. */
export async function createReadyRender(coopId: string, bytes = 300_000) {
	const db = getDb()
	const edit = await db.edit.create({ data: { coopId, title: 'Chè Shan tuyết', spec: '{}' } })
	const render = await db.render.create({ data: { editId: edit.id, coopId, format: 'vertical', quality: 'final', status: 'ready', spec: '{}', cacheKey: crypto.randomUUID() } })
	const outputKey = `${renderDirKey(coopId, render.id)}/final.mp4`
	const file = resolveMediaPath(outputKey)
	await fs.mkdir(path.dirname(file), { recursive: true })
	const content = crypto.randomBytes(bytes)
	await fs.writeFile(file, content)
	await db.render.update({ where: { id: render.id }, data: { outputKey } })
	return { renderId: render.id, content }
}

export async function createPostTarget(
	coopId: string,
	channel: { id: string },
	kind: string,
	options: { renderId?: string; caption?: string; privacy?: string | null; state?: string; dueAt?: Date | null; options?: Record<string, unknown> } = {},
) {
	const db = getDb()
	const renderId = options.renderId ?? (await createReadyRender(coopId)).renderId
	const post = await db.post.create({ data: { coopId, renderId, caption: options.caption ?? 'Chè Shan tuyết Suối Giàng, hái tay 🍃', hashtags: '#chè #yênbái' } })
	return db.postTarget.create({
		data: { postId: post.id, coopId, channelId: channel.id, kind, privacy: options.privacy ?? null, state: options.state ?? 'draft', dueAt: options.dueAt ?? null, ...(options.options ? { options: JSON.stringify(options.options) } : {}) },
	})
}
