import { isRouteErrorResponse, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** The public pages' error boundary: a friendly "not found" for a buyer, with no link into the app. */
export function PublicNotFound() {
	const error = useRouteError()
	const { t } = useTranslation()
	const status = isRouteErrorResponse(error) ? error.status : 500
	if (!isRouteErrorResponse(error)) console.error(error)
	const notFound = status === 404
	return (
		<main className="mx-auto max-w-xl p-4" data-testid="public-not-found" data-status={status}>
			<h1 className="mb-2 text-xl font-bold">{notFound ? t('shop:notFound.title') : t('common:errors.unexpectedTitle')}</h1>
			<p>{notFound ? t('shop:notFound.message') : t('common:errors.unexpected')}</p>
		</main>
	)
}
