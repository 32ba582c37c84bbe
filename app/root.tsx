import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { I18nextProvider } from 'react-i18next'
import { AppShell } from './components/app-shell.tsx'
import { GeneralErrorBoundary } from './components/error-boundary.tsx'
import { Toaster } from './components/toaster.tsx'
import stylesheet from './tailwind.css?url'
import { extendSessionIfDue } from './utils/auth.server.ts'
import { readShellContext } from './utils/shell.server.ts'
import { createI18n, DEFAULT_LANGUAGE, type Language } from './utils/i18n.ts'
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

export function Layout({ children }: { children: React.ReactNode }) {
	const rootData = useRouteLoaderData<typeof loader>('root')
	const lng: Language = rootData?.lng ?? DEFAULT_LANGUAGE
	const i18n = useMemo(() => createI18n(lng), [lng])
	const nonce = useNonce()
	return (
		<html lang={lng}>
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<meta name="description" content={i18n.t('meta.description')} />
				<Meta />
				<Links />
			</head>
			<body>
				<I18nextProvider i18n={i18n}>{children}</I18nextProvider>
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}

export default function App() {
	const { shell, toast } = useLoaderData<typeof loader>()
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
