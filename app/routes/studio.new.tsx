import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { MediaChoiceGrid, useOrderedChoice } from '~/components/media-choice-grid.tsx'
import { ProductSelect } from '~/components/product-select.tsx'
import { createEditFromTemplate, templateRequestSchema } from '~/studio/edits/from-template.server.ts'
import { describeEditIssue } from '~/studio/edits/issue-messages.ts'
import { loadTemplateChoices } from '~/studio/edits/template-choices.server.ts'
import { OUTPUT_FORMAT_IDS } from '~/studio/spec/formats.ts'
import type { SpecIssue } from '~/studio/spec/issues.ts'
import { describeTemplateMessage, describeTemplates, findTemplate, type TemplateProblem } from '~/studio/templates/index.ts'
import { noteSearchParams } from '~/studio/templates/note-params.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { getT } from '~/utils/language.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'create:project')
	const [{ t }, choices] = await Promise.all([getT(request), loadTemplateChoices(coopId)])
	return { templates: describeTemplates(t), ...choices, pageTitle: t('studio-screen:newVideo.title') }
}

export async function action({ request }: ActionFunctionArgs) {
	const { coopId, userId } = await requireCoopPermission(request, 'create:project')
	const form = await request.formData()
	const price = String(form.get('newPriceVnd') ?? '').replace(/\D/g, '')
	const parsed = templateRequestSchema.safeParse({
		templateId: form.get('templateId'),
		title: String(form.get('title') ?? '') || undefined,
		productId: String(form.get('productId') ?? '') || undefined,
		mediaIds: form.getAll('mediaIds').map(String),
		formats: form.getAll('formats').map(String),
		captionText: String(form.get('captionText') ?? '') || undefined,
		musicMediaId: String(form.get('musicMediaId') ?? '') || undefined,
		newPriceVnd: price ? Number(price) : undefined,
		endsOn: String(form.get('endsOn') ?? '') || undefined,
	})
	if (!parsed.success) {
		return data({ errors: [...new Set(parsed.error.issues.map((issue) => issue.message))], problems: [] as TemplateProblem[], issues: [] as SpecIssue[] }, { status: 400 })
	}
	const { lng, t } = await getT(request)
	const template = findTemplate(parsed.data.templateId)!
	const result = await createEditFromTemplate(coopId, userId, parsed.data, { language: lng, templateName: t(`studio-templates:${template.nameKey}`) })
	if (!result.ok) return data({ errors: [] as string[], problems: result.problems, issues: result.issues }, { status: 400 })
	const notes = noteSearchParams(result.notes).toString()
	return redirect(`/studio/${result.editId}${notes ? `?${notes}` : ''}`)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? 'Studio'} · Co-op Studio` }]

export default function NewVideoPage() {
	const { templates, products, visuals, audio } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const { t } = useTranslation('studio-screen')
	const [templateId, setTemplateId] = useState(templates[0]?.id)
	const { chosen, toggle } = useOrderedChoice()
	const template = templates.find((candidate) => candidate.id === templateId)

	return (
		<div className="mx-auto max-w-3xl">
			<Link to="/studio" className="text-sm text-tea-700 underline">
				{t('editor.back')}
			</Link>
			<h1 className="mt-2 mb-1 text-2xl font-bold">{t('newVideo.title')}</h1>
			<p className="mb-4 text-stone-600">{t('newVideo.intro')}</p>

			{actionData ? <NewVideoProblems {...actionData} /> : null}

			<Form method="post" className="space-y-5">
				<fieldset className="card">
					<legend className="px-1 text-lg font-bold">{t('newVideo.step1')}</legend>
					<div className="grid gap-2">
						{templates.map((option) => (
							<label key={option.id} className={`flex cursor-pointer gap-3 rounded-lg border p-3 ${templateId === option.id ? 'border-tea-500 bg-tea-50' : 'border-stone-200'}`}>
								<input type="radio" name="templateId" value={option.id} className="mt-1 h-5 w-5" checked={templateId === option.id} onChange={() => setTemplateId(option.id)} />
								<span>
									<span className="block font-semibold">{option.name}</span>
									<span className="block text-sm text-stone-600">{option.description}</span>
									<span className="block text-sm text-stone-600">{option.needsText}</span>
								</span>
							</label>
						))}
					</div>
				</fieldset>

				<fieldset className="card">
					<legend className="px-1 text-lg font-bold">{t('newVideo.step2')}</legend>
					<label className="field-label" htmlFor="productId">
						{template?.needs.product === 'required' ? t('newVideo.productRequired') : t('newVideo.productOptional')}
					</label>
					<ProductSelect id="productId" products={products} />
					{products.length === 0 ? (
						<p className="mt-1 text-sm text-stone-500">
							{t('newVideo.noProducts')}{' '}
							<Link to="/products/new" className="underline">
								{t('newVideo.addProduct')}
							</Link>
						</p>
					) : null}
				</fieldset>

				<fieldset className="card">
					<legend className="px-1 text-lg font-bold">{t('newVideo.step3')}</legend>
					<p className="mb-2 text-sm text-stone-600">{t('newVideo.mediaHint')}</p>
					{visuals.length === 0 ? (
						<p className="text-stone-500">
							{t('newVideo.noMedia')}{' '}
							<Link to="/library" className="underline">
								{t('newVideo.openLibrary')}
							</Link>
						</p>
					) : (
						<MediaChoiceGrid items={visuals} chosen={chosen} onToggle={toggle} inputName="mediaIds" testId="template-media" />
					)}
				</fieldset>

				{template?.needs.usesPromotion ? (
					<fieldset className="card grid gap-3 sm:grid-cols-2">
						<legend className="px-1 text-lg font-bold">{t('newVideo.promotion')}</legend>
						<label className="block">
							<span className="field-label">{t('newVideo.newPrice')}</span>
							<input name="newPriceVnd" inputMode="numeric" className="field-input" placeholder="99000" />
						</label>
						<label className="block">
							<span className="field-label">{t('newVideo.endsOn')}</span>
							<input name="endsOn" type="date" className="field-input" />
						</label>
					</fieldset>
				) : null}

				{template?.needs.usesCaptionLines ? (
					<fieldset className="card">
						<legend className="px-1 text-lg font-bold">
							<label htmlFor="captionText">{t('newVideo.captions')}</label>
						</legend>
						<textarea id="captionText" name="captionText" rows={4} className="field-input" placeholder={t('captions.typePlaceholder')} aria-describedby="captionText-hint" />
						<p id="captionText-hint" className="mt-1 text-sm text-stone-500">
							{t('newVideo.captionsHint')}
						</p>
					</fieldset>
				) : null}

				{template?.needs.usesMusic ? (
					<fieldset className="card">
						<legend className="px-1 text-lg font-bold">
							<label htmlFor="musicMediaId">{t('sections.music')}</label>
						</legend>
						<select id="musicMediaId" name="musicMediaId" className="field-input" defaultValue="">
							<option value="">{t('music.none')}</option>
							{audio.map((item) => (
								<option key={item.id} value={item.id}>
									{item.displayName}
								</option>
							))}
						</select>
					</fieldset>
				) : null}

				<fieldset className="card">
					<legend className="px-1 text-lg font-bold">{t('sections.formats')}</legend>
					<div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
						{OUTPUT_FORMAT_IDS.map((id) => (
							<label key={id} className="flex min-h-11 items-center gap-2">
								<input type="checkbox" name="formats" value={id} className="h-5 w-5" defaultChecked={id === 'tiktok-reels'} />
								{t(`formats.${id}`)}
							</label>
						))}
					</div>
				</fieldset>

				<fieldset className="card">
					<legend className="px-1 text-lg font-bold">
						<label htmlFor="videoTitle">{t('newVideo.titleLabel')}</label>
					</legend>
					<input id="videoTitle" name="title" className="field-input" maxLength={120} placeholder={t('newVideo.titlePlaceholder')} />
				</fieldset>

				<button type="submit" className="btn-primary w-full" disabled={navigation.state !== 'idle'} data-testid="create-from-template">
					{navigation.state !== 'idle' ? t('newVideo.creating') : t('newVideo.create')}
				</button>
			</Form>
		</div>
	)
}

function NewVideoProblems({ errors, problems, issues }: { errors: string[]; problems: TemplateProblem[]; issues: SpecIssue[] }) {
	const { t } = useTranslation('studio-screen')
	const messages = [
		...errors.map((key) => t(key)),
		...problems.map((problem) => describeTemplateMessage(problem, 'problems', t)),
		...issues.map((issue) => describeEditIssue(issue, t)),
	]
	return (
		<div className="mb-4 rounded-lg bg-red-50 p-3 text-sm text-red-800" role="alert" data-testid="template-problems">
			<ul className="list-disc space-y-1 pl-5">
				{messages.map((message, i) => (
					<li key={i}>{message}</li>
				))}
			</ul>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary back="studio" />
}
