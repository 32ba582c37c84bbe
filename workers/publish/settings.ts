import { tokenSettings } from '~/publishing/oauth.server.ts'
import type { Env } from '~/utils/env.server.ts'
import type { PlatformSettings } from './platforms/types.ts'

/** The platform clients' settings from the one settings schema (app/utils/env.server.ts): the token calls' own, plus polling. */
export function platformSettings(env: Env): PlatformSettings {
	return {
		...tokenSettings(env),
		pollIntervalMs: env.PLATFORM_POLL_INTERVAL_MS,
		pollTimeoutMs: env.PLATFORM_POLL_TIMEOUT_MS,
	}
}
