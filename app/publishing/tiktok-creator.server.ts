import { decryptSecret } from '~/utils/encryption.server.ts'
import { getEnv } from '~/utils/env.server.ts'

// TikTok's posting screen needs the creator's nickname and privacy options
// from creator_info at the moment the person composes (TikTok's audit asks
// for it then, not a copy from connect time). The web process may not import
// workers/, so this reads the same documented endpoint with fetch
// (docs/decisions/158-publishing-composer.md).

export type CreatorInfo = {
	nickname: string
	privacyLevelOptions: string[]
	commentDisabled: boolean
	duetDisabled: boolean
	stitchDisabled: boolean
	maxVideoPostDurationSec: number | null
}

/** The creator's current posting options, or null when TikTok cannot be asked (then direct posting is refused for now). */
export async function readCreatorInfo(channel: { accessToken: string | null }): Promise<CreatorInfo | null> {
	if (!channel.accessToken) return null
	const env = getEnv()
	try {
		const answer = await fetch(`${env.TIKTOK_API_URL.replace(/\/+$/, '')}/v2/post/publish/creator_info/query/`, {
			method: 'POST',
			headers: { authorization: `Bearer ${decryptSecret(channel.accessToken)}`, 'content-type': 'application/json; charset=UTF-8' },
			body: '{}',
			signal: AbortSignal.timeout(Math.min(env.PLATFORM_REQUEST_TIMEOUT_MS, 15_000)),
		})
		const json = (await answer.json()) as { data?: Record<string, unknown>; error?: { code?: string } }
		if (!answer.ok || (json.error?.code && json.error.code !== 'ok') || !json.data) return null
		const data = json.data
		return {
			nickname: String(data.creator_nickname ?? ''),
			privacyLevelOptions: Array.isArray(data.privacy_level_options) ? data.privacy_level_options.map(String) : [],
			commentDisabled: data.comment_disabled === true,
			duetDisabled: data.duet_disabled === true,
			stitchDisabled: data.stitch_disabled === true,
			maxVideoPostDurationSec: Number(data.max_video_post_duration_sec) || null,
		}
	} catch (error) {
		console.warn(`TikTok creator info: ${(error as Error).message}`)
		return null
	}
}
