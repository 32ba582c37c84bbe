import { isRouteErrorResponse, Link, useLocation, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

// The error boundary of every route module and of the root
// (docs/decisions/110-route-shape.md): what went wrong in the reader's
// language and what to do next, never a stack trace or the server's text.

const BACK = {
	home: { to: '/', label: 'errors.goHome' },
	library: { to: '/library', label: 'errors.backTo.library' },
	products: { to: '/products', label: 'errors.backTo.products' },
	studio: { to: '/studio', label: 'errors.backTo.studio' },
	coop: { to: '/coop', label: 'errors.backTo.coop' },
} as const

export type ErrorBoundaryBack = keyof typeof BACK

type Copy = { title: string; message: string }

/** Translation keys (with their namespace) for a section that says "not found" or "not allowed" in its own words. */
export type ErrorMessages = { notFound?: Copy; forbidden?: Copy }

function copyFor(status: number, messages: ErrorMessages): Copy {
	if (status === 404 || status === 410) return messages.notFound ?? { title: 'errors.notFoundTitle', message: 'errors.notFound' }
	if (status === 403) return messages.forbidden ?? { title: 'errors.forbiddenTitle', message: 'errors.forbidden' }
	if (status === 400) return { title: 'errors.badRequestTitle', message: 'errors.badRequest' }
	return { title: 'errors.unexpectedTitle', message: 'errors.unexpected' }
}

export function GeneralErrorBoundary({ back = 'home', messages = {} }: { back?: ErrorBoundaryBack; messages?: ErrorMessages }) {
	const error = useRouteError()
	const { t } = useTranslation('common')
	const location = useLocation()
	const status = isRouteErrorResponse(error) ? error.status : 500
	// A thrown Response is an answer the route chose; anything else is a bug worth a log line.
	if (!isRouteErrorResponse(error)) console.error(error)
	const copy = copyFor(status, messages)
	const link = BACK[back]
	return (
		<section className="card mx-auto max-w-xl" data-testid="error-boundary" data-status={status}>
			<h1 className="mb-2 text-xl font-bold">{t(copy.title)}</h1>
			<p className="mb-4" data-testid="error-message">
				{t(copy.message)}
			</p>
			<div className="flex flex-wrap gap-2">
				{status >= 500 ? (
					// A full page load, not a client navigation: whatever state broke the page is dropped.
					<a className="btn-primary" href={`${location.pathname}${location.search}`} data-testid="error-retry">
						{t('errors.tryAgain')}
					</a>
				) : null}
				<Link className={status >= 500 ? 'btn-secondary' : 'btn-primary'} to={link.to} data-testid="error-back">
					{t(link.label)}
				</Link>
			</div>
			<p className="mt-4 text-xs text-stone-500">{t('errors.code', { status })}</p>
		</section>
	)
}
