import { createCookie } from '@remix-run/node'

// Apart from language.server.ts so that code run by tsx (the Express side)
// can read it without the Vite-only string loader in i18n.ts.
export const languageCookie = createCookie('lng', { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 })
