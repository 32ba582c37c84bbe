import { Form, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LABEL_PRESETS } from '~/links/label-layout.ts'
import { formatDay } from '~/utils/coop-time.ts'
import { isLanguage } from '~/utils/i18n.ts'
import type { BatchView } from './batches.server.ts'

// The product page's public side: the public page's address, the batches
// (lô hàng) with their own pages, and printable QR labels (issue 12).

export type BatchActionData = { batchErrors?: Record<string, string[]>; batchId?: string | null }

function BatchFields({ batch, errors }: { batch?: BatchView; errors?: Record<string, string[]> }) {
	const { t } = useTranslation('products')
	const prefix = batch ? `batch-${batch.id}` : 'batch-new'
	const error = (name: string) =>
		errors?.[name]?.length ? (
			<p className="field-error" id={`${prefix}-${name}-error`}>
				{errors[name].map((key) => t(key)).join(' ')}
			</p>
		) : null
	const input = (name: 'code' | 'growingArea' | 'producerGroup', value: string | null | undefined) => (
		<div className="mb-3">
			<label className="field-label" htmlFor={`${prefix}-${name}`}>
				{t(`batches.${name}`)}
			</label>
			<input className="field-input" id={`${prefix}-${name}`} name={name} defaultValue={value ?? ''} required={name === 'code'} />
			{name === 'code' ? <p className="mt-1 text-sm text-stone-500">{t('batches.codeHint')}</p> : null}
			{error(name)}
		</div>
	)
	return (
		<>
			{input('code', batch?.code)}
			<div className="mb-3">
				<label className="field-label" htmlFor={`${prefix}-harvestDate`}>
					{t('batches.harvestDate')}
				</label>
				<input className="field-input" type="date" id={`${prefix}-harvestDate`} name="harvestDate" defaultValue={batch?.harvestDay ?? ''} />
				{error('harvestDate')}
			</div>
			{input('growingArea', batch?.growingArea)}
			{input('producerGroup', batch?.producerGroup)}
			<div className="mb-3">
				<label className="field-label" htmlFor={`${prefix}-note`}>
					{t('batches.note')}
				</label>
				<textarea className="field-input" rows={2} id={`${prefix}-note`} name="note" defaultValue={batch?.note ?? ''} />
				{error('note')}
			</div>
		</>
	)
}

export function BatchSection({ batches, canEdit }: { batches: BatchView[]; canEdit: boolean }) {
	const { t, i18n } = useTranslation('products')
	const lng = isLanguage(i18n.language) ? i18n.language : 'vi'
	const actionData = useActionData<BatchActionData>()
	const errorsFor = (id: string | null) => (actionData?.batchErrors && (actionData.batchId ?? null) === id ? actionData.batchErrors : undefined)
	return (
		<section className="card mb-4" data-testid="batches">
			<h2 className="mb-1 text-lg font-semibold">{t('batches.title')}</h2>
			<p className="mb-3 text-sm text-stone-600">{t('batches.intro')}</p>
			{batches.length ? (
				<ul className="mb-3 divide-y divide-stone-100">
					{batches.map((batch) => (
						<li key={batch.id} className="py-2" data-testid="batch">
							<div className="flex flex-wrap items-center gap-2">
								<span className="font-mono font-semibold">{batch.code}</span>
								{batch.harvestDay ? <span className="text-sm text-stone-600">{formatDay(batch.harvestDay, lng)}</span> : null}
								{batch.archived ? (
									<span className="rounded-full bg-stone-100 px-2 text-xs">{t('batches.archived')}</span>
								) : (
									<a className="text-sm text-tea-700 underline" href={`/b/${batch.slug}`} target="_blank" rel="noreferrer">
										{t('batches.page')}
									</a>
								)}
							</div>
							{canEdit ? (
								<div className="mt-2 flex flex-wrap gap-2">
									<details className="w-full" open={Boolean(errorsFor(batch.id))}>
										<summary className="btn-secondary inline-flex cursor-pointer">{t('batches.edit')}</summary>
										<Form method="post" className="mt-2">
											<input type="hidden" name="intent" value="update-batch" />
											<input type="hidden" name="batchId" value={batch.id} />
											<BatchFields batch={batch} errors={errorsFor(batch.id)} />
											<button type="submit" className="btn-primary">
												{t('batches.save')}
											</button>
										</Form>
									</details>
									<Form method="post">
										<input type="hidden" name="intent" value={batch.archived ? 'restore-batch' : 'archive-batch'} />
										<input type="hidden" name="batchId" value={batch.id} />
										<button type="submit" className="btn-secondary">
											{batch.archived ? t('batches.restore') : t('batches.archive')}
										</button>
									</Form>
								</div>
							) : null}
						</li>
					))}
				</ul>
			) : (
				<p className="mb-3 text-sm text-stone-500">{t('batches.empty')}</p>
			)}
			{canEdit ? (
				<details open={Boolean(errorsFor(null))}>
					<summary className="btn-primary inline-flex cursor-pointer">{t('batches.add')}</summary>
					<Form method="post" className="mt-2" data-testid="new-batch-form">
						<input type="hidden" name="intent" value="create-batch" />
						<BatchFields errors={errorsFor(null)} />
						<button type="submit" className="btn-primary">
							{t('batches.save')}
						</button>
					</Form>
				</details>
			) : null}
		</section>
	)
}

export function LabelSection({ productId, batches }: { productId: string; batches: BatchView[] }) {
	const { t } = useTranslation('products')
	const open = batches.filter((batch) => !batch.archived)
	return (
		<section className="card mb-4" data-testid="labels">
			<h2 className="mb-1 text-lg font-semibold">{t('labels.title')}</h2>
			<p className="mb-3 text-sm text-stone-600">{t('labels.intro')}</p>
			<form method="get" action={`/products/${productId}/labels`} target="_blank" className="grid gap-3 sm:grid-cols-3">
				<div>
					<label className="field-label" htmlFor="label-size">
						{t('labels.size')}
					</label>
					<select className="field-input" id="label-size" name="size" defaultValue={LABEL_PRESETS[0].id}>
						{LABEL_PRESETS.map((preset) => (
							<option key={preset.id} value={preset.id}>
								{t(`labels.sizes.${preset.id}`)}
							</option>
						))}
					</select>
				</div>
				<div>
					<label className="field-label" htmlFor="label-count">
						{t('labels.count')}
					</label>
					<input className="field-input" id="label-count" name="count" type="number" min={1} max={500} defaultValue={27} inputMode="numeric" />
				</div>
				<div>
					<label className="field-label" htmlFor="label-batch">
						{t('labels.forBatch')}
					</label>
					<select className="field-input" id="label-batch" name="batch" defaultValue={open[0]?.id ?? ''}>
						<option value="">{t('labels.noBatch')}</option>
						{open.map((batch) => (
							<option key={batch.id} value={batch.id}>
								{batch.code}
							</option>
						))}
					</select>
				</div>
				<button type="submit" className="btn-primary sm:col-span-3 sm:w-fit">
					{t('labels.print')}
				</button>
			</form>
		</section>
	)
}
