import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/**
 * Product pages answer 404 for an id that is not the co-op's (deleted, or
 * another co-op's) and 403 for a change the role may not make; both are
 * explained inside the app's frame with a way back to the list.
 */
export function ProductErrorBoundary() {
	const error = useRouteError()
	const { t } = useTranslation('products')
	const status = isRouteErrorResponse(error) ? error.status : 500
	if (!isRouteErrorResponse(error)) console.error(error)
	const message =
		status === 404 ? t('notFound.message') : status === 403 ? t('notFound.forbidden') : t('common:errors.unexpected')
	return (
		<div className="card mx-auto max-w-xl">
			<h1 className="mb-2 text-xl font-bold">{status === 404 ? t('notFound.title') : status}</h1>
			<p className="mb-4" data-testid="error-message">
				{message}
			</p>
			<Link className="btn-primary" to="/products">
				{t('notFound.back')}
			</Link>
		</div>
	)
}
