import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { memberCoopTimeZone } from '~/accounts/members.server.ts'
import { can } from '~/accounts/permissions.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Field } from '~/components/forms.tsx'
import { MediaDetailsSchema } from '~/media/details-schema.ts'
import { formatBytes, formatDuration } from '~/media/format.ts'
import { keepDuplicate, libraryFacets, requireMediaItem, updateMediaDetails } from '~/media/library.server.ts'
import { MediaThumb } from '~/media/media-thumb.tsx'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { DEFAULT_TIME_ZONE, formatDateTime } from '~/utils/coop-time.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'
import { useRevalidateOnCoopEvents } from '~/utils/use-coop-events.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId, userId, role } = await requireCoopPermission(request, 'read:media')
	const [item, facets, timeZone] = await Promise.all([requireMediaItem(coopId, params.mediaId!), libraryFacets(coopId), memberCoopTimeZone(userId, coopId)])
	return { item, facets, timeZone: timeZone ?? DEFAULT_TIME_ZONE, canEdit: can(role, 'update:media'), canDelete: can(role, 'delete:media') }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'update:media')
	const mediaId = params.mediaId!
	const formData = await request.formData()
	return dispatchIntent(formData, {
		'keep-duplicate': async () => {
			await keepDuplicate(coopId, mediaId)
			return redirectWithToast(request, '/library', { kind: 'success', key: 'media:delete.keptBoth' })
		},
		save: async () => {
			const submission = parseWithZod(formData, { schema: MediaDetailsSchema })
			if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
			await updateMediaDetails(coopId, mediaId, submission.value)
			return redirectWithToast(request, `/library/${mediaId}`, { kind: 'success', key: 'media:detail.saved' })
		},
	})
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.item.displayName ?? ''} · Co-op Studio` }]

export default function MediaDetailPage() {
	const { item, timeZone, canEdit, canDelete } = useLoaderData<typeof loader>()
	const { t, i18n } = useTranslation('media')
	useRevalidateOnCoopEvents((event) => 'mediaId' in event && event.mediaId === item.id && event.type !== 'media.progress')
	return (
		<div className="mx-auto max-w-3xl">
			<Link to="/library" className="mb-3 inline-block text-sm font-medium text-tea-700 underline">
				← {t('detail.back')}
			</Link>
			<h1 className="mb-3 text-xl font-bold break-words" data-testid="media-title">
				{item.displayName}
			</h1>
			<MediaPreview item={item} />
			{item.status === 'failed' ? (
				<p className="mb-4 rounded-lg bg-red-50 p-3 text-sm text-red-900" role="alert">
					{t(`errors.${item.errorCode ?? 'processing-error'}`)}
				</p>
			) : null}
			{item.duplicateOf ? (
				<div className="mb-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-950" data-testid="media-duplicate">
					<p className="mb-2 font-semibold">{t('card.duplicate')}</p>
					<Link to={`/library/${item.duplicateOf.id}`} className="mb-2 block underline">
						{item.duplicateOf.displayName}
					</Link>
					{canEdit ? (
						<Form method="post">
							<button type="submit" name="intent" value="keep-duplicate" className="btn-secondary">
								{t('card.duplicateKeep')}
							</button>
						</Form>
					) : null}
				</div>
			) : null}
			<dl className="card mb-4 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
				<dt className="text-stone-500">{t('detail.kind')}</dt>
				<dd>{t(`kinds.${item.kind}`)}</dd>
				<dt className="text-stone-500">{t('detail.size')}</dt>
				<dd>{formatBytes(item.sizeBytes, i18n.language)}</dd>
				{item.width && item.height ? (
					<>
						<dt className="text-stone-500">{t('detail.dimensions')}</dt>
						<dd>{`${item.width}×${item.height}`}</dd>
					</>
				) : null}
				{item.durationMs ? (
					<>
						<dt className="text-stone-500">{t('detail.duration')}</dt>
						<dd data-testid="media-duration">{formatDuration(item.durationMs)}</dd>
					</>
				) : null}
				<dt className="text-stone-500">{t('detail.uploadedAt')}</dt>
				<dd>{formatDateTime(new Date(item.createdAt), i18n.language, timeZone)}</dd>
			</dl>
			{canEdit ? <DetailsForm /> : <p className="mb-4 text-sm text-stone-600">{t('detail.readOnly')}</p>}
			<div className="flex flex-wrap gap-2">
				{item.status !== 'failed' ? (
					<a href={`/library/${item.id}/original?download=1`} className="btn-secondary">
						{t('detail.download')}
					</a>
				) : null}
				{canDelete ? (
					<Link to={`/library/${item.id}/delete`} className="btn-danger" data-testid="media-delete">
						{t('delete.button')}
					</Link>
				) : null}
			</div>
		</div>
	)
}

function MediaPreview({ item }: { item: ReturnType<typeof useLoaderData<typeof loader>>['item'] }) {
	const { t } = useTranslation('media')
	if (item.status !== 'ready') {
		return (
			<div className="mb-4">
				<div className="mx-auto max-w-xs">
					<MediaThumb item={item} />
				</div>
				{item.status === 'processing' ? <p className="mt-2 text-center text-sm text-stone-600">{t('detail.noPreview')}</p> : null}
			</div>
		)
	}
	if (item.kind === 'video') {
		return (
			<video
				className="mb-4 max-h-[70vh] w-full rounded-xl bg-black"
				src={`/library/${item.id}/proxy`}
				poster={item.hasPoster ? `/library/${item.id}/poster` : undefined}
				controls
				playsInline
				preload="metadata"
				data-testid="media-video"
			/>
		)
	}
	if (item.kind === 'audio') {
		return (
			<div className="mb-4">
				{item.hasThumb ? <img src={`/library/${item.id}/thumb`} alt="" className="mb-2 w-full rounded-xl bg-tea-50" /> : null}
				<audio className="w-full" src={`/library/${item.id}/original`} controls preload="metadata" data-testid="media-audio" />
			</div>
		)
	}
	return (
		<img
			src={`/library/${item.id}/${item.hasProxy ? 'proxy' : 'thumb'}`}
			alt={item.displayName}
			className="mb-4 max-h-[70vh] w-full rounded-xl bg-stone-100 object-contain"
			data-testid="media-photo"
		/>
	)
}

function DetailsForm() {
	const { item, facets } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const { t } = useTranslation('media')
	const [form, fields] = useForm({
		id: `media-${item.id}`,
		lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
		defaultValue: {
			displayName: item.displayName,
			place: item.place ?? '',
			season: item.season ?? '',
			productIds: item.products.map((p) => p.id),
		},
		onValidate: ({ formData }) => parseWithZod(formData, { schema: MediaDetailsSchema }),
		shouldRevalidate: 'onBlur',
	})
	const chosen = new Set(item.products.map((p) => p.id))
	return (
		<Form method="post" {...getFormProps(form)} className="card mb-4">
			<h2 className="mb-3 text-lg font-semibold">{t('detail.tagsTitle')}</h2>
			<input type="hidden" name="intent" value="save" />
			<Field label={t('detail.displayName')} id={fields.displayName.id} errors={fields.displayName.errors} ns="media">
				<input className="field-input" {...getInputProps(fields.displayName, { type: 'text' })} />
			</Field>
			<fieldset className="mb-4">
				<legend className="field-label">{t('detail.products')}</legend>
				{facets.products.length === 0 ? (
					<p className="text-sm text-stone-600">{t('detail.noProducts')}</p>
				) : (
					<div className="grid gap-2 sm:grid-cols-2">
						{facets.products.map((product) => (
							<label key={product.id} className="flex min-h-11 items-center gap-3 rounded-lg border border-stone-200 px-3">
								<input type="checkbox" name={fields.productIds.name} value={product.id} defaultChecked={chosen.has(product.id)} className="size-5 accent-tea-600" />
								<span>
									<span className="font-mono text-sm font-bold">{product.code}</span> {product.name}
								</span>
							</label>
						))}
					</div>
				)}
			</fieldset>
			<Field label={t('detail.place')} id={fields.place.id} errors={fields.place.errors} ns="media" hint={t('detail.placeHint')}>
				<input className="field-input" {...getInputProps(fields.place, { type: 'text' })} list="known-places" autoComplete="off" />
			</Field>
			<datalist id="known-places">
				{facets.places.map((place) => (
					<option key={place} value={place} />
				))}
			</datalist>
			<Field label={t('detail.season')} id={fields.season.id} errors={fields.season.errors} ns="media" hint={t('detail.seasonHint')}>
				<input className="field-input" {...getInputProps(fields.season, { type: 'text' })} list="known-seasons" autoComplete="off" />
			</Field>
			<datalist id="known-seasons">
				{facets.seasons.map((season) => (
					<option key={season} value={season} />
				))}
			</datalist>
			<button type="submit" className="btn-primary w-full sm:w-auto" disabled={navigation.state === 'submitting'}>
				{t('detail.save')}
			</button>
		</Form>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary back="library" />
}
