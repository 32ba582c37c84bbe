import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { CopyButton } from '~/accounts/share-buttons.tsx'
import { useCan } from '~/accounts/use-can.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { DESTINATIONS, type Destination } from '~/links/destination.ts'
import { createCustomLink, loadLinksPage } from '~/links/links.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { formatDateTime } from '~/utils/coop-time.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { getT } from '~/utils/language.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'

const customLinkSchema = z.object({
	productId: z.string().min(1),
	destination: z.enum(DESTINATIONS),
	label: z.string().max(80).optional(),
})

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:link')
	const [{ t }, page] = await Promise.all([getT(request), loadLinksPage(coopId, request)])
	return { ...page, pageTitle: t('links:list.title') }
}

export async function action({ request }: ActionFunctionArgs) {
	const form = await request.formData()
	return dispatchIntent(form, {
		create: async () => {
			const { coopId } = await requireCoopPermission(request, 'create:link')
			const parsed = customLinkSchema.safeParse(Object.fromEntries(form))
			if (!parsed.success) return data({ problem: 'links:errors.invalid' }, { status: 400 })
			const created = await createCustomLink(coopId, parsed.data)
			if (!created.ok) return data({ problem: created.problem }, { status: 400 })
			return redirectWithToast(request, '/links', { kind: 'success', key: 'links:toasts.created' })
		},
	})
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? 'Links'} · Co-op Studio` }]

export default function LinksPage() {
	const { links, products, timeZone } = useLoaderData<typeof loader>()
	const { t, i18n } = useTranslation('links')
	const may = useCan()
	return (
		<div className="mx-auto max-w-4xl space-y-4">
			<h1 className="text-2xl font-bold">{t('list.title')}</h1>
			<p className="text-stone-700">{t('list.intro')}</p>
			{links.length === 0 ? <p className="card text-stone-600">{t('list.empty')}</p> : null}
			<ul className="space-y-2">
				{links.map((link) => (
					<li key={link.id} className="card space-y-2" data-testid="link-row" data-slug={link.slug}>
						<div className="flex flex-wrap items-center justify-between gap-2">
							<span className="font-bold break-all">{link.label || link.product?.name || link.slug}</span>
							<span className="rounded-full bg-stone-100 px-2 py-1 text-sm">{t(`kinds.${link.kind}`)}</span>
						</div>
						<p className="font-mono text-sm break-all" data-testid="link-address">
							{link.shortUrl}
						</p>
						<p className="text-sm text-stone-700">
							{t('list.pointsTo', { destination: t(`destinations.${link.destination}`) })}
							{link.product ? ` · ${link.product.code} ${link.product.name}` : ''}
							{link.post ? ` · ${t('list.onChannel', { channel: link.post.channel })}` : ''}
						</p>
						<p className="text-sm">
							<span className="font-bold" data-testid="link-clicks">
								{t('list.clicks', { count: link.clicks })}
							</span>
							{' · '}
							{link.lastClickAt ? t('list.lastClick', { when: formatDateTime(new Date(link.lastClickAt), i18n.language, timeZone) }) : t('list.noClicks')}
						</p>
						<div className="flex flex-wrap gap-2">
							<CopyButton text={link.shortUrl} label={t('list.copy')} testId="copy-link" />
							<a className="btn-secondary" href={`/links/${link.id}/qr.png`} download data-testid="download-png">
								{t('list.downloadPng')}
							</a>
							<a className="btn-secondary" href={`/links/${link.id}/qr.svg`} download data-testid="download-svg">
								{t('list.downloadSvg')}
							</a>
						</div>
						<details>
							<summary className="min-h-11 cursor-pointer py-2 text-sm font-medium">{t('list.qr')}</summary>
							<img
								src={`/links/${link.id}/qr.svg?inline=1`}
								alt={t('list.qrAlt', { address: link.shortUrl })}
								width={200}
								height={200}
								loading="lazy"
								className="h-auto w-48 max-w-full"
								data-testid="qr-preview"
							/>
						</details>
					</li>
				))}
			</ul>
			<p className="text-sm text-stone-600">{t('list.clicksNote')}</p>
			{may('create:link') ? <NewLinkForm products={products} /> : null}
		</div>
	)
}

type ProductChoice = { id: string; code: string; name: string; destinations: Destination[] }

function NewLinkForm({ products }: { products: ProductChoice[] }) {
	const { t } = useTranslation('links')
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const usable = products.filter((product) => product.destinations.length > 0)
	const [productId, setProductId] = useState(usable[0]?.id ?? '')
	const destinations = usable.find((product) => product.id === productId)?.destinations ?? []
	const problem = actionData && 'problem' in actionData ? actionData.problem : null
	if (usable.length === 0) return <p className="card text-stone-600">{t('create.noProducts')}</p>
	return (
		<Form method="post" className="card space-y-3" data-testid="new-link-form">
			<h2 className="text-lg font-bold">{t('create.title')}</h2>
			<input type="hidden" name="intent" value="create" />
			<div>
				<label className="field-label" htmlFor="link-product">
					{t('create.product')}
				</label>
				<select id="link-product" name="productId" className="field-input" value={productId} onChange={(event) => setProductId(event.target.value)}>
					{usable.map((product) => (
						<option key={product.id} value={product.id}>
							{product.code} · {product.name}
						</option>
					))}
				</select>
			</div>
			<div>
				<label className="field-label" htmlFor="link-destination">
					{t('create.destination')}
				</label>
				<select id="link-destination" name="destination" className="field-input" key={productId}>
					{destinations.map((destination) => (
						<option key={destination} value={destination}>
							{t(`destinations.${destination}`)}
						</option>
					))}
				</select>
			</div>
			<div>
				<label className="field-label" htmlFor="link-label">
					{t('create.label')}
				</label>
				<input id="link-label" name="label" className="field-input" maxLength={80} placeholder={t('create.labelHint')} />
			</div>
			{problem ? (
				<p className="field-error" role="alert">
					{t(problem)}
				</p>
			) : null}
			<button type="submit" className="btn-primary" disabled={navigation.state !== 'idle'} data-testid="create-link">
				{t('create.submit')}
			</button>
		</Form>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
