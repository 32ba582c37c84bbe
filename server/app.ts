import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import helmet from 'helmet'
import { ATTEMPT_LIMITED_PATHS, attemptLimitContext, attemptLimiter } from '~/accounts/attempt-limit.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { remixOptions } from '../remix.config.js'
import { contentSecurityPolicy, cspNonceOf } from './content-security.ts'
import { healthRouter } from './health.ts'
import { linkRedirects } from './links.ts'
import { eventsRouter } from './events.ts'
import { overlayRouter } from './overlay-events.ts'
import { queueDashboard } from './queue-dashboard.ts'
import { refuseCrossSiteRequests } from './same-origin.ts'
import { strictTransportSecurity } from './transport-security.ts'
import { uploadsRouter } from './uploads.ts'

function buildDirectory() {
	return remixOptions.buildDirectory ?? 'build'
}

export type AppOptions = {
	/** Development: Vite's dev server in middleware mode; production: the built server bundle. */
	mode: 'development' | 'production'
}

/**
 * The web process: the Remix app plus what lives outside its render path
 * (health, the queue dashboard, uploads, live events).
 */
export async function createApp({ mode }: AppOptions) {
	const env = getEnv()
	const app = express()
	app.disable('x-powered-by')
	// Without TRUST_PROXY, X-Forwarded-For is ignored: anyone could forge it
	// and get a fresh sign-in allowance (docs/decisions/126-sign-in-limits.md).
	app.set('trust proxy', env.TRUST_PROXY ?? false)

	const viteDevServer =
		mode === 'development'
			? await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))
			: undefined

	app.use(
		helmet({
			// Set for the app's pages only, with a nonce (./content-security.ts).
			contentSecurityPolicy: false,
			crossOriginEmbedderPolicy: false,
			referrerPolicy: { policy: 'same-origin' },
			strictTransportSecurity: false,
		}),
	)
	app.use(strictTransportSecurity(env))
	app.use(healthRouter())
	app.get('/l/:slug', linkRedirects())

	// Uploads and event streams must not be compressed or buffered.
	app.use((req, res, next) =>
		req.path.startsWith('/uploads') || req.path.startsWith('/events') || /^\/overlay\/[^/]+\/events$/.test(req.path) ? next() : compression()(req, res, next),
	)

	// Before the limiter, so that a refused cross-site request never counts as a failed attempt.
	app.use(refuseCrossSiteRequests())
	app.use(ATTEMPT_LIMITED_PATHS, attemptLimiter(env.LOGIN_RATE_LIMIT))

	app.use('/admin/queues', await queueDashboard('/admin/queues'))
	app.use(uploadsRouter())
	app.use(eventsRouter())
	app.use(overlayRouter())

	if (viteDevServer) {
		app.use(viteDevServer.middlewares)
	} else {
		const clientDir = path.resolve(buildDirectory(), 'client')
		app.use('/assets', express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y' }))
		app.use(express.static(clientDir, { maxAge: '1h' }))
	}

	const build = viteDevServer
		? () => viteDevServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
		: ((await import(path.resolve(buildDirectory(), 'server/index.js'))) as ServerBuild)

	if (!viteDevServer) app.use(contentSecurityPolicy())
	app.all(
		'*',
		createRequestHandler({
			build,
			mode,
			getLoadContext: (req, res) => ({ ...attemptLimitContext(req, res), cspNonce: cspNonceOf(res) }),
		}),
	)

	return { app, close: async () => viteDevServer?.close() }
}
