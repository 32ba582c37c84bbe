import path from 'node:path'
import { z } from 'zod'

// Every setting the product reads, with its default, validated once. The
// README's "Settings" table mirrors this schema. Nothing else reads
// process.env (tests/unit/env-schema.test.ts checks it).

/**
 * A 32-byte key as people write it: hex (64 characters) or base64 (44 with
 * its padding, 43 without; the URL-safe alphabet too). Null otherwise.
 */
export function decodeEncryptionKey(text: string): Buffer | null {
	const key = text.trim()
	if (/^[0-9a-fA-F]{64}$/.test(key)) return Buffer.from(key, 'hex')
	if (/^[A-Za-z0-9+/_-]{43}=?$/.test(key)) return Buffer.from(key, 'base64')
	return null
}

const MAKE_A_KEY = '`openssl rand -hex 32`'

function keyProblem(name: string) {
	return (
		`${name} phải là khoá 32 byte viết dạng hex (64 ký tự) hoặc base64 (44 ký tự); tạo khoá mới bằng ${MAKE_A_KEY}. ` +
		`/ ${name} must be 32 bytes written as hex (64 characters) or base64 (44 characters); make one with ${MAKE_A_KEY}.`
	)
}

const encryptionKey = z
	.string()
	.optional()
	.transform((text, ctx) => {
		if (text === undefined || text.trim() === '') return undefined
		const key = decodeEncryptionKey(text)
		if (!key) ctx.addIssue({ code: z.ZodIssueCode.custom, message: keyProblem('ENCRYPTION_KEY') })
		return key ?? undefined
	})

// Keys that encrypted older values, comma-separated: still read, never used for
// new values, until `npm run -s studio -- reencrypt` has moved everything to
// ENCRYPTION_KEY (docs/decisions/115-encryption-at-rest.md).
const oldEncryptionKeys = z
	.string()
	.default('')
	.transform((list, ctx) =>
		list
			.split(',')
			.map((text) => text.trim())
			.filter(Boolean)
			.flatMap((text, index) => {
				const key = decodeEncryptionKey(text)
				if (!key) ctx.addIssue({ code: z.ZodIssueCode.custom, message: keyProblem(`ENCRYPTION_KEYS_OLD[${index + 1}]`) })
				return key ? [key] : []
			}),
	)

const envSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	// The SQLite file of the app, the workers, the CLI and Prisma's own commands.
	DATABASE_URL: z.string().min(1).default('file:./prisma/data.db'),
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
	// 32 bytes, hex or base64; encrypts platform tokens at rest. Required in
	// production; `npm run up` writes one into .env on a fresh clone.
	ENCRYPTION_KEY: encryptionKey,
	ENCRYPTION_KEYS_OLD: oldEncryptionKeys,
	UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(2 * 1024 ** 3),
	// An unfinished upload is deleted this long after its last byte arrived.
	UPLOAD_EXPIRE_HOURS: z.coerce.number().positive().default(24),
	IMAGE_MAX_MEGAPIXELS: z.coerce.number().positive().default(100),
	MEDIA_CONCURRENCY: z.coerce.number().int().positive().default(1),
	RENDER_CONCURRENCY: z.coerce.number().int().positive().default(1),
	// Publish jobs at once per worker process: they wait on the platforms, not the CPU
	// (docs/decisions/156-publishing-engine.md; bench/schedule.ts measures it).
	PUBLISH_CONCURRENCY: z.coerce.number().int().positive().default(50),
	// Empty means the bundled builds (workers/ffmpeg/binaries.ts).
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
	// Connecting channels (docs/decisions/154-channel-connections.md): each platform's app
	// credentials; a platform without them is not offered, and manual channels always are.
	FACEBOOK_APP_ID: z.string().trim().optional().transform((value) => value || undefined),
	FACEBOOK_APP_SECRET: z.string().trim().optional().transform((value) => value || undefined),
	// Where the person is sent to let the app manage their Pages (the client adds the Graph version).
	FACEBOOK_DIALOG_URL: z.string().url().default('https://www.facebook.com'),
	ZALO_APP_ID: z.string().trim().optional().transform((value) => value || undefined),
	ZALO_APP_SECRET: z.string().trim().optional().transform((value) => value || undefined),
	TIKTOK_CLIENT_KEY: z.string().trim().optional().transform((value) => value || undefined),
	TIKTOK_CLIENT_SECRET: z.string().trim().optional().transform((value) => value || undefined),
	// TikTok's authorisation page lives at {TIKTOK_AUTH_URL}/v2/auth/authorize/.
	TIKTOK_AUTH_URL: z.string().url().default('https://www.tiktok.com'),
	// 1 once TikTok has approved the app for direct posting (after its audit); until then,
	// videos go to the creator's inbox and they finish the post in the TikTok app.
	TIKTOK_DIRECT_POST: z.enum(['0', '1', 'true', 'false']).default('0').transform((value) => value === '1' || value === 'true'),
	// One request to a platform gives up after this long.
	PLATFORM_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
	// After a platform accepted a video: how often to ask whether it is published, and for how long.
	PLATFORM_POLL_INTERVAL_MS: z.coerce.number().int().positive().default(3_000),
	PLATFORM_POLL_TIMEOUT_MS: z.coerce.number().int().positive().default(600_000),
	// How often the worker checks that Redis still has its schedules (lost on a Redis restart).
	SCHEDULE_CHECK_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
	// BullMQ: how often a worker looks for jobs whose worker died, and how long
	// a job's lock lasts without renewal (docs/decisions/003-queue-layout.md).
	WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
	WORKER_LOCK_DURATION_MS: z.coerce.number().int().positive().default(30_000),
})

const checkedEnvSchema = envSchema.superRefine((env, ctx) => {
	if (env.ENCRYPTION_KEY) return
	if (env.NODE_ENV === 'production') {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['ENCRYPTION_KEY'],
			message:
				`Thiếu ENCRYPTION_KEY: khi chạy production cần một khoá 32 byte để mã hoá token của các kênh; tạo bằng ${MAKE_A_KEY} rồi đặt vào biến môi trường hoặc .env. ` +
				`/ ENCRYPTION_KEY is missing: production needs a 32-byte key to encrypt channel tokens; make one with ${MAKE_A_KEY} and set it in the environment or .env.`,
		})
	} else if (env.ENCRYPTION_KEYS_OLD.length > 0) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['ENCRYPTION_KEY'],
			message:
				'ENCRYPTION_KEYS_OLD cần có ENCRYPTION_KEY (khoá mới) đi kèm. / ENCRYPTION_KEYS_OLD needs ENCRYPTION_KEY (the new key) beside it.',
		})
	}
})

export type Env = z.infer<typeof envSchema> & { mediaRoot: string }

/** Every problem of the environment, one a line, in the words people will read at start. */
export class InvalidEnvironmentError extends Error {
	constructor(readonly problems: string[]) {
		super(`Cấu hình không hợp lệ / Invalid environment:\n${problems.map((p) => `- ${p}`).join('\n')}`)
		this.name = 'InvalidEnvironmentError'
	}
}

/** Validates `source` (process.env by default) against the schema; throws InvalidEnvironmentError. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
	const parsed = checkedEnvSchema.safeParse(source)
	if (!parsed.success) {
		throw new InvalidEnvironmentError(parsed.error.issues.map((i) => (i.message.includes(String(i.path[0])) ? i.message : `${i.path.join('.')}: ${i.message}`)))
	}
	if (parsed.data.NODE_ENV === 'production' && parsed.data.SESSION_SECRET.startsWith('dev-only')) {
		console.warn('SESSION_SECRET is the development default; set a long random value in production.')
	}
	return { ...parsed.data, mediaRoot: path.resolve(parsed.data.MEDIA_ROOT) }
}

let cached: Env | undefined

export function getEnv(): Env {
	cached ??= parseEnv()
	return cached
}

/**
 * The SQLite file, read alone: Prisma's own commands (prisma.config.ts) need
 * it without the rest of the settings.
 */
export function databaseUrl(): string {
	return envSchema.shape.DATABASE_URL.parse(process.env.DATABASE_URL)
}

/** Tests change the environment between files; they call this to re-read it. */
export function resetEnvForTests() {
	cached = undefined
}
