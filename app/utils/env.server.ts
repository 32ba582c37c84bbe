import path from 'node:path'
import { z } from 'zod'
import { databaseUrl } from './database-url.ts'

// Every setting the product reads, with its default, validated once. The
// README's "Settings" table mirrors this schema.
const envSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	PORT: z.coerce.number().int().positive().default(3000),
	WORKER_HEALTH_PORT: z.coerce.number().int().nonnegative().default(3001),
	PUBLIC_URL: z.string().url().optional(),
	REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
	// Every Redis key (queues, pub/sub channels) starts with this, so that
	// test runs and several studios can share one Redis.
	QUEUE_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]+$/).default('coop'),
	MEDIA_ROOT: z.string().default('media'),
	// Comma-separated; the first signs new cookies, the rest are still accepted.
	SESSION_SECRET: z.string().default('dev-only-session-secret-change-me'),
	// 32 bytes, base64 or hex; encrypts platform tokens at rest.
	ENCRYPTION_KEY: z.string().optional(),
	UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(2 * 1024 ** 3),
	// An unfinished upload is deleted this long after its last byte arrived.
	UPLOAD_EXPIRE_HOURS: z.coerce.number().positive().default(24),
	IMAGE_MAX_MEGAPIXELS: z.coerce.number().positive().default(100),
	MEDIA_CONCURRENCY: z.coerce.number().int().positive().default(1),
	RENDER_CONCURRENCY: z.coerce.number().int().positive().default(1),
	FFMPEG_PATH: z.string().optional(),
	FFPROBE_PATH: z.string().optional(),
	OPENAI_API_KEY: z.string().optional(),
	OPENAI_BASE_URL: z.string().url().optional(),
	// Caption timing by transcription (docs/decisions/021-caption-timing.md).
	OPENAI_TRANSCRIPTION_MODEL: z.string().default('whisper-1'),
	TRANSCRIPTION_LANGUAGE: z.string().default('vi'),
	// Post copy ("Viết bằng AI"): a chat model that supports structured output (json_schema).
	OPENAI_COPY_MODEL: z.string().default('gpt-4o-mini'),
	OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
	OPENAI_MAX_RETRIES: z.coerce.number().int().nonnegative().default(3),
	// Failed password attempts per address per 15 minutes (docs/decisions/126-sign-in-limits.md).
	LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(20),
	// Express `trust proxy`: unset trusts no proxy, so X-Forwarded-For is ignored. A hop
	// count ("1"), "loopback", or a comma-separated list of proxy addresses/subnets.
	TRUST_PROXY: z
		.string()
		.optional()
		.transform((value) => (value === undefined || value.trim() === '' ? undefined : /^\d+$/.test(value.trim()) ? Number(value) : value))
		.refine((value) => value !== 'true' && value !== 'false', 'a hop count, "loopback" or a list of addresses, never true/false'),
	// Strict-Transport-Security is sent over https only; this adds includeSubDomains to it.
	HSTS_INCLUDE_SUBDOMAINS: z.enum(['0', '1']).default('0').transform((value) => value === '1'),
	// Production refuses to serve over plain http (PUBLIC_URL not https) unless this is 1;
	// a loopback PUBLIC_URL (http://localhost:3000, what `npm run up` uses) is allowed.
	ALLOW_INSECURE_HTTP: z.enum(['0', '1']).default('0').transform((value) => value === '1'),
	// Who runs this server: they alone open the queue dashboard when several co-ops share it
	// (app/accounts/queue-access.server.ts). Comma-separated emails.
	OPERATOR_EMAILS: z
		.string()
		.default('')
		.transform((list) => list.split(',').map((email) => email.trim().toLowerCase()).filter(Boolean)),
	// How often an open /events stream writes a heartbeat and re-checks the session and the membership (server/events.ts).
	EVENTS_HEARTBEAT_MS: z.coerce.number().int().positive().default(25_000),
	// Publishing (docs/decisions/150-publishing-clients.md): the platforms' base URLs, the real
	// hosts by default; tests point them at local fakes. Upload URLs a platform returns are used as given.
	FACEBOOK_GRAPH_URL: z.string().url().default('https://graph.facebook.com'),
	FACEBOOK_GRAPH_VERSION: z.string().regex(/^v\d+\.\d+$/).default('v24.0'),
	ZALO_OAUTH_URL: z.string().url().default('https://oauth.zaloapp.com'),
	ZALO_OPENAPI_URL: z.string().url().default('https://openapi.zalo.me'),
	TIKTOK_API_URL: z.string().url().default('https://open.tiktokapis.com'),
	// One request to a platform gives up after this long.
	PLATFORM_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
	// After a platform accepted a video: how often to ask whether it is published, and for how long.
	PLATFORM_POLL_INTERVAL_MS: z.coerce.number().int().positive().default(3_000),
	PLATFORM_POLL_TIMEOUT_MS: z.coerce.number().int().positive().default(600_000),
	// How often the worker checks that Redis still has its schedules (lost on a Redis restart).
	SCHEDULE_CHECK_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
})

export type Env = z.infer<typeof envSchema> & { DATABASE_URL: string; mediaRoot: string }

let cached: Env | undefined

export function getEnv(): Env {
	if (cached) return cached
	const parsed = envSchema.safeParse(process.env)
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
		throw new Error(`Invalid environment: ${problems}`)
	}
	if (parsed.data.NODE_ENV === 'production' && parsed.data.SESSION_SECRET.startsWith('dev-only')) {
		console.warn('SESSION_SECRET is the development default; set a long random value in production.')
	}
	cached = {
		...parsed.data,
		DATABASE_URL: databaseUrl(),
		mediaRoot: path.resolve(parsed.data.MEDIA_ROOT),
	}
	return cached
}

/** Tests change the environment between files; they call this to re-read it. */
export function resetEnvForTests() {
	cached = undefined
}
