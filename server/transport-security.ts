import type { RequestHandler } from 'express'
import helmet from 'helmet'
import type { Env } from '~/utils/env.server.ts'

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Why production must not start over plain http, or null. Over http the
 * session cookie cannot be `Secure` (app/utils/session.server.ts), so a
 * sign-in could be read on the network. A loopback PUBLIC_URL (what
 * `npm run up` sets) and ALLOW_INSECURE_HTTP=1 are the two ways past it.
 */
export function insecureProductionProblem(env: Pick<Env, 'NODE_ENV' | 'PUBLIC_URL' | 'ALLOW_INSECURE_HTTP'>): string | null {
	if (env.NODE_ENV !== 'production' || env.ALLOW_INSECURE_HTTP) return null
	const url = env.PUBLIC_URL ? new URL(env.PUBLIC_URL) : undefined
	if (url?.protocol === 'https:' || (url && LOOPBACK_HOSTS.has(url.hostname))) return null
	return (
		`Không chạy bản production qua http: đặt PUBLIC_URL=https://… (địa chỉ công khai có TLS), hoặc ALLOW_INSECURE_HTTP=1 nếu bạn chấp nhận cookie đăng nhập không có Secure. ` +
		`/ Refusing to run production over http (PUBLIC_URL is ${env.PUBLIC_URL ?? 'not set'}): set PUBLIC_URL=https://… or ALLOW_INSECURE_HTTP=1.`
	)
}

/**
 * HSTS only on requests that arrived over https (req.secure, which behind a
 * TLS proxy needs TRUST_PROXY) or when the public address is https: sent over
 * http it would be ignored at best, and with includeSubDomains it binds every
 * subdomain once the site is behind TLS. includeSubDomains is a setting.
 */
export function strictTransportSecurity(env: Pick<Env, 'PUBLIC_URL' | 'HSTS_INCLUDE_SUBDOMAINS'>): RequestHandler {
	const publicHttps = (env.PUBLIC_URL ?? '').startsWith('https:')
	const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 3600, includeSubDomains: env.HSTS_INCLUDE_SUBDOMAINS })
	return (req, res, next) => (req.secure || publicHttps ? hsts(req, res, next) : next())
}
