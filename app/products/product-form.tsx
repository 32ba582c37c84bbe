import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorLine, Field, FormError } from '~/components/forms.tsx'
import { isLanguage } from '~/utils/i18n.ts'
import { formatVnd } from '~/utils/money.ts'
import { parseVndAmount } from '~/utils/vietnamese.ts'
import { KNOWN_CERTIFICATIONS, OCOP_RATINGS } from './certifications.ts'
import { formatPriceInput, type ProductFormDefaults } from './form-defaults.ts'
import { PhotoPicker } from './photo-picker.tsx'
import { priceShortcuts } from './price.ts'
import { MAX_PRICE_VND, MIN_PRICE_VND, ProductFormSchema } from './schema.ts'
import { SHOP_LINK_FIELDS } from './shop-links.ts'
import { COMMON_UNITS } from './units.ts'
import type { PickablePhoto } from './view.ts'

type ProductFormProps = {
	lastResult?: SubmissionResult<string[]> | null
	defaults: Partial<ProductFormDefaults>
	library: PickablePhoto[]
	/** A free code to offer (the new form, or after a "code taken" error). */
	codeSuggestion?: string | null
	submitLabel: string
	cancelTo: string
}

const PLAIN_CERTIFICATIONS = KNOWN_CERTIFICATIONS.filter((id) => !OCOP_RATINGS.includes(id))

/** The one product form, for adding and for editing; validated by the same schema as the action. */
export function ProductForm({ lastResult, defaults, library, codeSuggestion, submitLabel, cancelTo }: ProductFormProps) {
	const { t, i18n } = useTranslation('products')
	const lng = isLanguage(i18n.language) ? i18n.language : 'vi'
	const [form, fields] = useForm({
		id: 'product',
		lastResult,
		defaultValue: defaults,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ProductFormSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const priceText = typeof fields.priceVnd.value === 'string' ? fields.priceVnd.value : ''
	const parsedPrice = priceText ? parseVndAmount(priceText) : null
	const shortcuts = priceShortcuts(priceText)
	const initialCertifications = defaults.certifications ?? []
	const initialOcop = initialCertifications.find((tag) => (OCOP_RATINGS as string[]).includes(tag)) ?? ''
	const hasErrors = lastResult?.status === 'error' && Object.keys(lastResult.error ?? {}).length > 0

	return (
		<Form method="post" {...getFormProps(form)} className="pb-24">
			<FormError message={hasErrors ? t('form.fixErrors') : null} />

			<section className="card mb-4">
				<h2 className="mb-3 text-lg font-semibold">{t('form.basics')}</h2>
				<Field label={t('form.name')} id={fields.name.id} errors={fields.name.errors} ns="products">
					<input
						className="field-input"
						{...getInputProps(fields.name, { type: 'text' })}
						placeholder={t('form.namePlaceholder')}
						autoComplete="off"
					/>
				</Field>
				<Field
					label={t('form.code')}
					id={fields.code.id}
					errors={fields.code.errors}
					ns="products"
					hint={t('form.codeHint')}
				>
					<input
						className="field-input font-mono uppercase"
						{...getInputProps(fields.code, { type: 'text' })}
						autoComplete="off"
						autoCapitalize="characters"
						spellCheck={false}
						maxLength={12}
					/>
				</Field>
				{codeSuggestion ? (
					<p className="-mt-2 mb-4 flex flex-wrap items-center gap-2 text-sm text-stone-700" data-testid="code-suggestion">
						{t('form.codeSuggestion', { code: codeSuggestion })}
						{fields.code.value !== codeSuggestion ? (
							<button
								type="button"
								className="btn-secondary min-h-9 py-1"
								onClick={() => form.update({ name: fields.code.name, value: codeSuggestion })}
							>
								{t('form.useSuggestion', { code: codeSuggestion })}
							</button>
						) : null}
					</p>
				) : null}
				<Field
					label={t('form.price')}
					id={fields.priceVnd.id}
					errors={fields.priceVnd.errors}
					ns="products"
					hint={t('form.priceHint')}
				>
					<input
						className="field-input text-lg"
						{...getInputProps(fields.priceVnd, { type: 'text' })}
						inputMode="numeric"
						autoComplete="off"
					/>
				</Field>
				{parsedPrice !== null && parsedPrice >= MIN_PRICE_VND && parsedPrice <= MAX_PRICE_VND ? (
					<p className="-mt-2 mb-2 text-sm font-medium text-tea-700" data-testid="price-preview" aria-live="polite">
						{t('form.pricePreview', { price: formatVnd(parsedPrice, lng) })}
					</p>
				) : null}
				{shortcuts.length ? (
					<div className="mb-4 flex flex-wrap gap-2">
						{shortcuts.map((amount) => (
							<button
								key={amount}
								type="button"
								className="btn-secondary min-h-9 py-1"
								onClick={() => form.update({ name: fields.priceVnd.name, value: formatPriceInput(amount) })}
							>
								{formatVnd(amount, lng)}
							</button>
						))}
					</div>
				) : null}
				<Field
					label={t('form.unit')}
					id={fields.unit.id}
					errors={fields.unit.errors}
					ns="products"
					hint={t('form.unitHint')}
				>
					<input className="field-input" {...getInputProps(fields.unit, { type: 'text' })} autoComplete="off" />
				</Field>
				<div className="-mt-2 mb-4 flex flex-wrap gap-2" role="group" aria-label={t('form.commonUnits')}>
					{COMMON_UNITS.map((unit) => (
						<button
							key={unit}
							type="button"
							aria-pressed={fields.unit.value === unit}
							className={`min-h-9 rounded-full border px-3 text-sm ${fields.unit.value === unit ? 'border-tea-600 bg-tea-600 text-white' : 'border-stone-300 bg-white'}`}
							onClick={() => form.update({ name: fields.unit.name, value: unit })}
						>
							{unit}
						</button>
					))}
				</div>
				<Field
					label={t('form.description')}
					id={fields.description.id}
					errors={fields.description.errors}
					ns="products"
					hint={t('form.descriptionHint')}
				>
					<textarea className="field-input min-h-28" {...getTextareaProps(fields.description)} rows={4} />
				</Field>
			</section>

			<PhotoPicker name={fields.photoIds.name} library={library} initial={defaults.photoIds ?? []} errors={fields.photoIds.errors} />

			<section className="card mb-4">
				<h2 className="mb-1 text-lg font-semibold">{t('form.traceability')}</h2>
				<p className="mb-3 text-sm text-stone-600">{t('form.traceabilityIntro')}</p>
				<Field label={t('form.growingArea')} id={fields.growingArea.id} errors={fields.growingArea.errors} ns="products">
					<input
						className="field-input"
						{...getInputProps(fields.growingArea, { type: 'text' })}
						placeholder={t('form.growingAreaPlaceholder')}
					/>
				</Field>
				<Field label={t('form.producerGroup')} id={fields.producerGroup.id} errors={fields.producerGroup.errors} ns="products">
					<input
						className="field-input"
						{...getInputProps(fields.producerGroup, { type: 'text' })}
						placeholder={t('form.producerGroupPlaceholder')}
					/>
				</Field>
				<div className="grid gap-x-3 sm:grid-cols-2">
					<Field label={t('form.batch')} id={fields.batch.id} errors={fields.batch.errors} ns="products">
						<input
							className="field-input"
							{...getInputProps(fields.batch, { type: 'text' })}
							placeholder={t('form.batchPlaceholder')}
							autoComplete="off"
						/>
					</Field>
					<Field label={t('form.harvestDate')} id={fields.harvestDate.id} errors={fields.harvestDate.errors} ns="products">
						<input className="field-input" {...getInputProps(fields.harvestDate, { type: 'date' })} />
					</Field>
				</div>
				<fieldset className="mb-4" aria-describedby={fields.certifications.errors ? `${fields.certifications.id}-error` : undefined}>
					<legend className="field-label">{t('form.certifications')}</legend>
					<div className="flex flex-wrap gap-2">
						{PLAIN_CERTIFICATIONS.map((id) => (
							<label key={id} className="flex min-h-11 items-center gap-2 rounded-lg border border-stone-300 bg-white px-3 has-checked:border-tea-600 has-checked:bg-tea-50">
								<input
									type="checkbox"
									name={fields.certifications.name}
									value={id}
									defaultChecked={initialCertifications.includes(id)}
									className="size-5 accent-tea-600"
								/>
								{t(`certifications.${id}`)}
							</label>
						))}
					</div>
					<div className="mt-2 flex flex-wrap gap-2" role="radiogroup" aria-label={t('form.ocop')}>
						{['', ...OCOP_RATINGS].map((id) => (
							<label key={id || 'none'} className="flex min-h-11 items-center gap-2 rounded-lg border border-stone-300 bg-white px-3 has-checked:border-tea-600 has-checked:bg-tea-50">
								<input
									type="radio"
									name={fields.certifications.name}
									value={id}
									defaultChecked={initialOcop === id}
									className="size-5 accent-tea-600"
								/>
								{id ? t(`certifications.${id}`) : t('form.noOcop')}
							</label>
						))}
					</div>
					<ErrorLine id={`${fields.certifications.id}-error`} message={fields.certifications.errors?.length ? fields.certifications.errors.map((e) => t(e)).join(' ') : null} />
				</fieldset>
				<Field
					label={t('form.certificationsOther')}
					id={fields.certificationsOther.id}
					errors={fields.certificationsOther.errors}
					ns="products"
					hint={t('form.certificationsOtherHint')}
				>
					<input className="field-input" {...getInputProps(fields.certificationsOther, { type: 'text' })} />
				</Field>
			</section>

			<section className="card mb-4">
				<h2 className="mb-1 text-lg font-semibold">{t('form.shop')}</h2>
				<p className="mb-3 text-sm text-stone-600">{t('form.shopIntro')}</p>
				{SHOP_LINK_FIELDS.map((name) => (
					<Field
						key={name}
						label={t(`links.${name}`)}
						id={fields[name].id}
						errors={fields[name].errors}
						ns="products"
						hint={name === 'zaloUrl' ? t('form.zaloHint') : undefined}
					>
						<input
							className="field-input"
							{...getInputProps(fields[name], { type: 'url' })}
							inputMode="url"
							autoComplete="off"
							spellCheck={false}
							placeholder="https://"
						/>
					</Field>
				))}
				<Field label={t('form.orderPhone')} id={fields.orderPhone.id} errors={fields.orderPhone.errors} ns="products">
					<input
						className="field-input"
						{...getInputProps(fields.orderPhone, { type: 'tel' })}
						inputMode="tel"
						autoComplete="tel"
						placeholder="0912 345 678"
					/>
				</Field>
			</section>

			<div className="sticky bottom-0 -mx-3 flex gap-2 border-t border-stone-200 bg-white/95 p-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border">
				<button type="submit" className="btn-primary flex-1 sm:flex-none">
					{submitLabel}
				</button>
				<Link to={cancelTo} className="btn-secondary">
					{t('form.cancel')}
				</Link>
			</div>
		</Form>
	)
}
