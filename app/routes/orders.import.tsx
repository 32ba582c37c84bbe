import {
	data,
	MaxPartSizeExceededError,
	unstable_createMemoryUploadHandler,
	unstable_parseMultipartFormData,
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getCoopSummary } from '~/accounts/coop-profile.server.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { FormError } from '~/components/forms.tsx'
import { IMPORT_MAX_BYTES, listImports, previewImport } from '~/orders/order-imports.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { formatDateTime } from '~/utils/coop-time.ts'
import { isLanguage } from '~/utils/i18n.ts'
import { getT } from '~/utils/language.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'create:order')
	const [imports, coop, { t }] = await Promise.all([listImports(coopId), getCoopSummary(coopId), getT(request)])
	return { imports, timeZone: coop.timezone, pageTitle: t('orders:import.title') }
}

type Refusal = { problem: string; layout?: string; missing?: string[] }

export async function action({ request }: ActionFunctionArgs) {
	const { coopId, userId } = await requireCoopPermission(request, 'create:order')
	let form: FormData
	try {
		// Kept in memory, one part at most IMPORT_MAX_BYTES: the upload is never written to disk.
		form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: IMPORT_MAX_BYTES }))
	} catch (error) {
		if (error instanceof MaxPartSizeExceededError) return data<Refusal>({ problem: 'too-large' }, { status: 413 })
		throw error
	}
	const file = form.get('file')
	if (!(file instanceof File) || file.size === 0) return data<Refusal>({ problem: 'missing' }, { status: 400 })
	const result = await previewImport(coopId, userId, { name: file.name, bytes: Buffer.from(await file.arrayBuffer()) })
	if (result.ok) return redirect(`/orders/import/${result.importId}`)
	if (result.reason === 'file') return data<Refusal>({ problem: result.problem }, { status: 422 })
	if (result.reason === 'unknown-layout') {
		return data<Refusal>(result.closest ? { problem: 'unknown-layout', layout: result.closest.label, missing: result.closest.missing } : { problem: 'no-header' }, { status: 422 })
	}
	return data<Refusal>({ problem: result.reason }, { status: result.reason === 'too-large' ? 413 : 422 })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ''} · Co-op Studio` }]

export default function ImportPage() {
	const { imports, timeZone } = useLoaderData<typeof loader>()
	const refusal = useActionData<typeof action>()
	const navigation = useNavigation()
	const { t, i18n } = useTranslation('orders')
	const lng = isLanguage(i18n.language) ? i18n.language : 'vi'
	const message = !refusal
		? null
		: refusal.problem === 'unknown-layout'
			? t('import.unknownLayout', { layout: refusal.layout, missing: refusal.missing?.join(', ') })
			: refusal.problem === 'no-header'
				? t('import.noHeader')
				: t(`import.fileProblems.${refusal.problem}`)
	return (
		<div className="mx-auto max-w-2xl space-y-4">
			<Link to="/orders" className="text-sm text-tea-700 underline">
				{t('detail.back')}
			</Link>
			<h1 className="text-2xl font-bold">{t('import.title')}</h1>
			<p className="text-stone-600">{t('import.intro')}</p>
			<Form method="post" encType="multipart/form-data" className="card space-y-3" data-testid="import-form">
				<FormError message={message} />
				<label className="block">
					<span className="field-label">{t('import.file')}</span>
					<input type="file" name="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" className="field-input" required />
					<span className="text-sm text-stone-500">{t('import.maxSize')}</span>
				</label>
				<button type="submit" className="btn-primary" disabled={navigation.state !== 'idle'}>
					{t('import.upload')}
				</button>
			</Form>
			{imports.length > 0 ? (
				<section>
					<h2 className="mb-2 font-semibold">{t('import.recent')}</h2>
					<ul className="grid gap-2">
						{imports.map((row) => (
							<li key={row.id}>
								<Link to={`/orders/import/${row.id}`} className="card block text-sm hover:border-tea-500">
									<span className="block truncate font-medium">{row.fileName}</span>
									<span className="text-stone-600">
										{t(`sources.${row.source}`, { defaultValue: row.source })} · {formatDateTime(new Date(row.createdAt), lng, timeZone)}
										{row.state === 'committed' ? ` · ${t('import.committed', { added: row.added, skipped: row.skipped })}` : ''}
									</span>
								</Link>
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
