import { redirect } from '@remix-run/node'
import { toastSessionStorage, type Toast } from './session.server.ts'

/** Throws a Response with `status` unless `condition` holds. Used for 404s on records of other co-ops. */
export function invariantResponse(condition: unknown, message: string, status = 404): asserts condition {
	if (!condition) throw new Response(message, { status })
}

/** Redirects and shows a translated message once on the next page. */
export async function redirectWithToast(request: Request, url: string, toast: Toast, init?: ResponseInit) {
	const storage = toastSessionStorage()
	const session = await storage.getSession(request.headers.get('cookie'))
	session.flash('toast', toast)
	const headers = new Headers(init?.headers)
	headers.append('set-cookie', await storage.commitSession(session))
	return redirect(url, { ...init, headers })
}

/** Reads (and consumes) the flash toast for the root loader. */
export async function popToast(request: Request) {
	const storage = toastSessionStorage()
	const session = await storage.getSession(request.headers.get('cookie'))
	const toast = session.get('toast') ?? null
	const setCookie = toast ? await storage.commitSession(session) : null
	return { toast, setCookie }
}
