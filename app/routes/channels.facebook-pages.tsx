import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { connectPages, pagesToPick } from '~/publishing/channel-pages.server.ts'
import { ConnectRefused } from '~/publishing/oauth.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { getT } from '~/utils/language.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'

// After Facebook's dialog: the person ticks the Pages the co-op will post to.
export async function loader({ request }: LoaderFunctionArgs) {
	const who = await requireCoopPermission(request, 'manage:channel')
	const params = new URL(request.url).searchParams
	const pick = params.get('pick')
	try {
		const [pages, { t }] = await Promise.all([pagesToPick(pick, who), getT(request)])
		return { pick, pages, noneChosen: params.get('error') === 'noPages', title: t('channels:pages.title') }
	} catch (error) {
		if (error instanceof ConnectRefused) throw redirect(`/channels?error=${error.reason}`)
		throw error
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const who = await requireCoopPermission(request, 'manage:channel')
	const formData = await request.formData()
	const pick = formData.get('pick')
	const pageIds = formData.getAll('pageId').filter((value): value is string => typeof value === 'string')
	try {
		const ids = await connectPages(typeof pick === 'string' ? pick : null, pageIds, who)
		return redirectWithToast(request, '/channels', { kind: 'success', key: 'channels:connect.connected', values: { count: ids.length } })
	} catch (error) {
		if (error instanceof ConnectRefused && error.reason === 'noPages') return redirect(`/channels/facebook-pages?pick=${encodeURIComponent(String(pick))}&error=noPages`)
		if (error instanceof ConnectRefused) return redirect(`/channels?error=${error.reason}`)
		throw error
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Co-op Studio` }]

export default function FacebookPagesPage() {
	const { pick, pages, noneChosen } = useLoaderData<typeof loader>()
	const { t } = useTranslation('channels')
	return (
		<section className="card mx-auto max-w-xl">
			<h1 className="mb-1 text-xl font-bold">{t('pages.title')}</h1>
			<p className="mb-4 text-stone-600">{t('pages.intro')}</p>
			{noneChosen ? (
				<p className="mb-4 rounded-lg bg-red-50 p-3 text-sm text-red-800" role="alert">
					{t('connectErrors.noPages')}
				</p>
			) : null}
			{pages.length === 0 ? <p className="mb-4">{t('pages.none')}</p> : null}
			<Form method="post">
				<input type="hidden" name="pick" value={pick ?? ''} />
				<ul className="mb-4 space-y-2">
					{pages.map((page) => (
						<li key={page.id}>
							<label className={`flex items-start gap-3 rounded-lg border p-3 ${page.canPost ? '' : 'opacity-70'}`}>
								<input type="checkbox" name="pageId" value={page.id} disabled={!page.canPost} defaultChecked={page.canPost && !page.connected} className="mt-1 h-5 w-5" />
								<span className="min-w-0">
									<span className="block font-medium break-words">{page.name}</span>
									{page.canPost ? null : <span className="block text-sm text-stone-600">{t('pages.cannotPost')}</span>}
									{page.connected ? <span className="block text-sm text-stone-600">{t('pages.alreadyConnected')}</span> : null}
								</span>
							</label>
						</li>
					))}
				</ul>
				<div className="flex flex-wrap gap-2">
					<button type="submit" className="btn-primary" disabled={!pages.some((page) => page.canPost)}>
						{t('pages.submit')}
					</button>
					<Link to="/channels" className="btn-secondary">
						{t('pages.cancel')}
					</Link>
				</div>
			</Form>
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
