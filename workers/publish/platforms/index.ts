import { facebookClient } from './facebook.ts'
import { tiktokClient } from './tiktok.ts'
import type { PlatformClient, PublishTarget } from './types.ts'
import { zaloClient } from './zalo.ts'

export function clientFor(target: PublishTarget): PlatformClient {
	if (target.startsWith('facebook-')) return facebookClient()
	if (target.startsWith('tiktok-')) return tiktokClient()
	return zaloClient()
}
