import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'

/**
 * Product pages answer 404 for an id that is not the co-op's (deleted, or
 * another co-op's) and 403 for a change the role may not make; both are
 * explained in the products' own words with a way back to the list.
 */
export function ProductErrorBoundary() {
	return (
		<GeneralErrorBoundary
			back="products"
			messages={{
				notFound: { title: 'products:notFound.title', message: 'products:notFound.message' },
				forbidden: { title: 'errors.forbiddenTitle', message: 'products:notFound.forbidden' },
			}}
		/>
	)
}
