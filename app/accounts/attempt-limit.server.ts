import crypto from 'node:crypto'
import type { Request, Response } from 'express'
import { rateLimit, MemoryStore, type Options } from 'express-rate-limit'
import { createCookie, data } from '@remix-run/node'
import { normalizeEmail } from '~/utils/auth.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { secureCookies } from '~/utils/session.server.ts'

// Password guessing is slowed per address on every form that checks or
// creates a password (sign-in, sign-up, joining from an invite, changing the
// password, setting one from a reset link), and sign-in also per account
// (docs/decisions/126-sign-in-limits.md). Remix posts a form to `/login`
// without JavaScript and to `/login.data` with it, so both spellings are limited.
export const ATTEMPT_LIMITED_PATHS = /^\/(?:login|signup|account|invite\/[^/.]+|reset\/[^/.]+)(?:\.data)?\/?$/

export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000

/** Failed sign-ins to one account from one address, per ATTEMPT_WINDOW_MS. */
export const ACCOUNT_ADDRESS_LIMIT = 5
/** Failed sign-ins to one account from anywhere, per ACCOUNT_WINDOW_MS, for browsers that never signed in to it. */
export const ACCOUNT_LIMIT = 10
export const ACCOUNT_WINDOW_MS = 60 * 60 * 1000

declare module '@remix-run/node' {
	interface AppLoadContext {
		/** Set by `attemptLimiter` when this address has used up its attempts; the action answers 429. */
		tooManyAttempts?: boolean
		/** The caller's address as Express sees it (X-Forwarded-For only with TRUST_PROXY). */
		clientAddress?: string
	}
}

/**
 * Counts failed POSTs only (a successful sign-in redirects), so that a group
 * behind one mobile carrier address is not locked out by its own sign-ins.
 * Over the limit the request still reaches Remix, marked, so that the page
 * itself explains the wait in the person's language instead of a bare error.
 */
export function attemptLimiter(limit: number) {
	return rateLimit({
		windowMs: ATTEMPT_WINDOW_MS,
		limit,
		skip: (req) => req.method !== 'POST',
		skipSuccessfulRequests: true,
		standardHeaders: 'draft-8',
		legacyHeaders: false,
		handler: (_req, res, next) => {
			res.locals.tooManyAttempts = true
			next()
		},
	})
}

/** What the Express side tells Remix about this request (`getLoadContext`). */
export function attemptLimitContext(req: Request, res: Response) {
	return { tooManyAttempts: res.locals.tooManyAttempts === true, clientAddress: req.ip ?? 'unknown' }
}

/**
 * The action's answer when a limit is reached: the page shows `reason` (auth
 * namespace). The per-address limiter has already set Retry-After on the
 * Express response; a per-account refusal passes its own wait, which the
 * route's `headers` export carries to the page (Remix keeps only cookies otherwise).
 */
export function tooManyAttemptsReply(reason: 'tooManyAttempts' | 'tooManyAccountAttempts' = 'tooManyAttempts', retryAfterSeconds?: number) {
	const headers: HeadersInit = retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) }
	return data({ tooManyAttempts: reason }, { status: 429, headers })
}

// In this process's memory, like the per-address limiter: one web process
// serves the studio, and a restart forgetting the counts only gives back
// attempts that the windows would give back within the hour anyway.
function counterStore(windowMs: number) {
	const store = new MemoryStore()
	// MemoryStore reads only `windowMs` from the limiter's options.
	store.init({ windowMs } as Options)
	return store
}

const perAccountAndAddress = counterStore(ATTEMPT_WINDOW_MS)
const perAccount = counterStore(ACCOUNT_WINDOW_MS)

// A signed cookie naming the accounts this browser has signed in to. Such a
// browser is exempt from the per-account cap, so that someone guessing from
// many addresses cannot lock the real person out of their own phone.
function knownDeviceCookie() {
	return createCookie('cs_known', {
		path: '/login',
		httpOnly: true,
		sameSite: 'lax',
		maxAge: 365 * 24 * 3600,
		secrets: getEnv().SESSION_SECRET.split(',').map((s) => s.trim()).filter(Boolean),
		secure: secureCookies(),
	})
}
const KNOWN_ACCOUNTS_KEPT = 5

function accountKey(email: string) {
	return crypto.createHash('sha256').update(normalizeEmail(email)).digest('base64url').slice(0, 22)
}

async function knownAccounts(request: globalThis.Request): Promise<string[]> {
	const value = await knownDeviceCookie().parse(request.headers.get('cookie'))
	return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : []
}

export type SignInAttempt =
	| { refused: 'tooManyAttempts' | 'tooManyAccountAttempts'; retryAfterSeconds: number }
	| { refused: null; failed: () => Promise<void>; succeeded: () => Promise<string> }

/**
 * The per-account limits for one sign-in. Every browser gets ACCOUNT_ADDRESS_LIMIT
 * failures per account and address; a browser that has never signed in to the
 * account also shares ACCOUNT_LIMIT failures per hour with every other address.
 */
export async function startSignInAttempt(request: globalThis.Request, email: string, address: string): Promise<SignInAttempt> {
	const account = accountKey(email)
	const pairKey = `${account}|${address}`
	const known = (await knownAccounts(request)).includes(account)
	const pair = await perAccountAndAddress.get(pairKey)
	if (pair && pair.totalHits >= ACCOUNT_ADDRESS_LIMIT) return { refused: 'tooManyAttempts', retryAfterSeconds: secondsUntil(pair.resetTime) }
	const all = known ? undefined : await perAccount.get(account)
	if (all && all.totalHits >= ACCOUNT_LIMIT) return { refused: 'tooManyAccountAttempts', retryAfterSeconds: secondsUntil(all.resetTime) }
	return {
		refused: null,
		failed: async () => {
			await perAccountAndAddress.increment(pairKey)
			if (!known) await perAccount.increment(account)
		},
		succeeded: async () => {
			const accounts = [account, ...(await knownAccounts(request)).filter((entry) => entry !== account)]
			return knownDeviceCookie().serialize(accounts.slice(0, KNOWN_ACCOUNTS_KEPT))
		},
	}
}

function secondsUntil(time: Date | undefined) {
	return Math.max(1, Math.ceil(((time?.getTime() ?? Date.now()) - Date.now()) / 1000))
}
