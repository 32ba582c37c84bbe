import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { MediaChoiceGrid, useOrderedChoice } from '~/components/media-choice-grid.tsx'
import { ProductSelect } from '~/components/product-select.tsx'
import { photoPostRequestSchema, requestPhotoPost } from '~/studio/edits/photo-posts.server.ts'
import { loadTemplateChoices } from '~/studio/edits/template-choices.server.ts'
import { photoFormatIds } from '~/studio/photo-posts/spec.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { getT } from '~/utils/language.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'create:project')
	const [{ t }, { products, photos }] = await Promise.all([getT(request), loadTemplateChoices(coopId)])
	return { products, photos, pageTitle: t('studio-screen:photoPosts.newTitle') }
}

export async function action({ request }: ActionFunctionArgs) {
	const { coopId, userId } = await requireCoopPermission(request, 'create:project')
	const form = await request.formData()
	const parsed = photoPostRequestSchema.safeParse({
		title: form.get('title'),
		productId: String(form.get('productId') ?? '') || undefined,
		mediaIds: form.getAll('mediaIds').map(String),
		formats: form.getAll('formats').map(String),
		headline: String(form.get('headline') ?? '') || undefined,
		showPrice: form.get('showPrice') === 'on',
		showLogo: form.get('showLogo') === 'on',
	})
	if (!parsed.success) return data({ errors: [...new Set(parsed.error.issues.map((issue) => issue.message))] }, { status: 400 })
	const result = await requestPhotoPost(coopId, userId, parsed.data)
	if (!result.ok) return data({ errors: [`photoPosts.errors.${result.error}`] }, { status: 400 })
	return redirectWithToast(request, '/studio#photo-posts', { kind: 'success', key: 'studio-screen:photoPosts.requested' })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? 'Studio'} · Co-op Studio` }]

export default function NewPhotoPostPage() {
	const { products, photos } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const { t } = useTranslation('studio-screen')
	const { chosen, toggle } = useOrderedChoice()
	return (
		<div className="mx-auto max-w-3xl">
			<Link to="/studio" className="text-sm text-tea-700 underline">
				{t('editor.back')}
			</Link>
			<h1 className="mt-2 mb-1 text-2xl font-bold">{t('photoPosts.newTitle')}</h1>
			<p className="mb-4 text-stone-600">{t('photoPosts.intro')}</p>
			{actionData?.errors.length ? (
				<ul className="mb-4 list-disc rounded-lg bg-red-50 p-3 pl-8 text-sm text-red-800" role="alert">
					{actionData.errors.map((key) => (
						<li key={key}>{t(key)}</li>
					))}
				</ul>
			) : null}
			<Form method="post" className="space-y-5">
				<fieldset className="card">
					<legend id="photo-post-product" className="px-1 text-lg font-bold">
						{t('photoPosts.product')}
					</legend>
					<ProductSelect products={products} labelledBy="photo-post-product" />
					<label className="mt-2 flex min-h-11 items-center gap-2">
						<input type="checkbox" name="showPrice" className="h-5 w-5" defaultChecked />
						{t('photoPosts.showPrice')}
					</label>
					<label className="flex min-h-11 items-center gap-2">
						<input type="checkbox" name="showLogo" className="h-5 w-5" defaultChecked />
						{t('photoPosts.showLogo')}
					</label>
				</fieldset>
				<fieldset className="card">
					<legend className="px-1 text-lg font-bold">{t('photoPosts.photos')}</legend>
					<p className="mb-2 text-sm text-stone-600">{t('photoPosts.photosHint')}</p>
					{photos.length === 0 ? <p className="text-stone-500">{t('photoPosts.noPhotos')}</p> : null}
					<MediaChoiceGrid items={photos} chosen={chosen} onToggle={toggle} inputName="mediaIds" testId="photo-choice" />
				</fieldset>
				<fieldset className="card">
					<legend className="px-1 text-lg font-bold">{t('photoPosts.formatsLabel')}</legend>
					{photoFormatIds.map((format) => (
						<label key={format} className="flex min-h-11 items-center gap-2">
							<input type="checkbox" name="formats" value={format} className="h-5 w-5" defaultChecked />
							{t(`studio-templates:photoPost.formats.${format}`)}
						</label>
					))}
				</fieldset>
				<fieldset className="card space-y-3">
					<legend className="px-1 text-lg font-bold">{t('photoPosts.words')}</legend>
					<label className="block">
						<span className="field-label">{t('photoPosts.title')}</span>
						<input name="title" required maxLength={120} className="field-input" placeholder={t('photoPosts.titlePlaceholder')} />
					</label>
					<label className="block">
						<span className="field-label">{t('photoPosts.headline')}</span>
						<input name="headline" maxLength={120} className="field-input" placeholder={t('photoPosts.headlinePlaceholder')} />
					</label>
				</fieldset>
				<button type="submit" className="btn-primary w-full" disabled={navigation.state !== 'idle'} data-testid="create-photo-post">
					{t('photoPosts.create')}
				</button>
			</Form>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary back="studio" />
}
