import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useMatches, useRouteLoaderData } from '@remix-run/react'
import { useEffect, useMemo, useState } from 'react'
import { I18nextProvider } from 'react-i18next'
import { AppShell } from './components/app-shell.tsx'
import { GeneralErrorBoundary } from './components/error-boundary.tsx'
import { Toaster } from './components/toaster.tsx'
import stylesheet from './tailwind.css?url'
import { extendSessionIfDue } from './utils/auth.server.ts'
import { readShellContext } from './utils/shell.server.ts'
import { createI18n, DEFAULT_LANGUAGE, isLanguageLoaded, loadLanguage, type Language } from './utils/i18n.ts'
import { getLanguage } from './utils/language.server.ts'
import { useNonce } from './utils/nonce.tsx'
import { popToast } from './utils/responses.server.ts'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: stylesheet },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
	const [lng, shell, { toast, setCookie: toastCookie }, sessionCookie] = await Promise.all([
		getLanguage(request),
		readShellContext(request),
		popToast(request),
		// Here because this loader runs on every page load and after every form sent (docs/decisions/019-sliding-sessions.md).
		extendSessionIfDue(request),
	])
	const headers = new Headers()
	for (const cookie of [toastCookie, sessionCookie]) if (cookie) headers.append('set-cookie', cookie)
	return data({ lng, shell, toast }, { headers })
}

/**
 * The i18next instance for `lng`. The browser holds only the language it
 * started in (entry.client.tsx); when the person switches, the page keeps its
 * current words until the other language's chunk has arrived, never keys.
 */
function useI18n(lng: Language) {
	const ready = isLanguageLoaded(lng)
	const [shown, setShown] = useState<Language>(ready ? lng : DEFAULT_LANGUAGE)
	useEffect(() => {
		let current = true
		void loadLanguage(lng).then(() => current && setShown(lng))
		return () => {
			current = false
		}
	}, [lng])
	const language = ready ? lng : isLanguageLoaded(shown) ? shown : DEFAULT_LANGUAGE
	return useMemo(() => createI18n(language), [language])
}

/**
 * A route's `handle` (RouteHandle) can ask for a bare page, drawn without the
 * app's header: `{ bare: true, scripts: false }` for the public product pages
 * (server-rendered, forms are plain HTML posts, no client JavaScript;
 * docs/decisions/185), `{ bare: true, transparent: true }` for the OBS overlay
 * (the transparency rule is inline in <head> so the page is never painted
 * white, not even before the stylesheet arrives; docs/decisions/176).
 */
export type RouteHandle = { bare?: boolean; scripts?: false; transparent?: boolean }
/** The public pages' handle. */
export type BareHandle = RouteHandle

function usePageHandle() {
	const handles = useMatches().map((match) => (match.handle ?? {}) as RouteHandle)
	return {
		bare: handles.some((h) => h.bare === true),
		noScripts: handles.some((h) => h.scripts === false),
		transparent: handles.some((h) => h.transparent === true),
	}
}

export function Layout({ children }: { children: React.ReactNode }) {
	const rootData = useRouteLoaderData<typeof loader>('root')
	const { bare, noScripts, transparent } = usePageHandle()
	const lng: Language = rootData?.lng ?? DEFAULT_LANGUAGE
	const i18n = useI18n(lng)
	const nonce = useNonce()
	return (
		<html lang={i18n.language}>
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				{bare ? null : <meta name="description" content={i18n.t('meta.description')} />}
				{transparent ? <style nonce={nonce}>{'html,body{background:transparent!important;margin:0;overflow:hidden}'}</style> : null}
				<Meta />
				<Links />
			</head>
			<body>
				<I18nextProvider i18n={i18n}>{children}</I18nextProvider>
				{noScripts ? null : (
					<>
						<ScrollRestoration nonce={nonce} />
						<Scripts nonce={nonce} />
					</>
				)}
			</body>
		</html>
	)
}

export default function App() {
	const { shell, toast } = useLoaderData<typeof loader>()
	if (usePageHandle().bare) return <Outlet />
	return (
		<AppShell shell={shell}>
			<Toaster toast={toast} />
			<Outlet />
		</AppShell>
	)
}

export function ErrorBoundary() {
	return (
		<main className="p-4">
			<GeneralErrorBoundary />
		</main>
	)
}
