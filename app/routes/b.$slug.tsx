import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { answerWebOrderPost } from '~/orders/web-order-post.server.ts'
import { PublicNotFound } from '~/products/public-not-found.tsx'
import { PublicProductPage, publicPageMeta, type OrderFormState } from '~/products/public-page.tsx'
import { findPublicBatch } from '~/products/public-product.server.ts'
import { clickCookieFor, publicOrigin } from '~/products/public-url.server.ts'
import type { BareHandle } from '~/root.tsx'
import { invariantResponse } from '~/utils/responses.server.ts'

// A batch page (/b/:slug), behind the QR code printed on the package: the
// product's page focused on that batch, with the same order form.

export async function loader({ request, params }: LoaderFunctionArgs) {
	const page = await findPublicBatch(params.slug ?? '')
	invariantResponse(page?.batchPage, 'Not found', 404)
	const origin = publicOrigin(request)
	const setCookie = clickCookieFor(request)
	return data({ page, origin, url: `${origin}/b/${page.batchPage.slug}` }, { headers: setCookie ? { 'set-cookie': setCookie } : {} })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	return answerWebOrderPost(request, { batch: params.slug ?? '' }, context.clientAddress)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => publicPageMeta(data?.page, data?.url ?? '', data?.origin ?? '')

export const handle: BareHandle = { bare: true, scripts: false }

export default function PublicBatchRoute() {
	const { page } = useLoaderData<typeof loader>()
	const form = useActionData<typeof action>() as OrderFormState | undefined
	return <PublicProductPage page={page} form={form} />
}

export const ErrorBoundary = PublicNotFound
