import { useTranslation } from 'react-i18next'
import { isLanguage } from '~/utils/i18n.ts'
import { certificationLabel } from './certification-label.ts'
import { formatDay } from '~/utils/coop-time.ts'
import { missingTraceability, traceabilityFacts } from './traceability.ts'
import type { ProductView } from './view.ts'

/** The traceability facts as a buyer will read them after scanning the product's QR code. */
export function TraceabilityPreview({ product }: { product: ProductView }) {
	const { t, i18n } = useTranslation('products')
	const lng = isLanguage(i18n.language) ? i18n.language : 'vi'
	const facts = traceabilityFacts(product)
	const missing = missingTraceability(product)
	return (
		<section className="card" aria-labelledby="traceability-title" data-testid="traceability-preview">
			<h2 id="traceability-title" className="mb-1 text-lg font-semibold">
				{t('traceability.title')}
			</h2>
			<p className="mb-3 text-sm text-stone-600">{t('traceability.previewIntro')}</p>
			<div className="rounded-lg border border-tea-100 bg-tea-50 p-3">
				<p className="mb-2 font-semibold text-tea-900">
					{product.name} <span className="font-mono text-sm">({product.code})</span>
				</p>
				{facts.length ? (
					<dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
						{facts.map((fact) => (
							<div key={fact.field} className="contents">
								<dt className="text-stone-600">{t(`traceability.${fact.field}`)}</dt>
								<dd className="font-medium">
									{fact.field === 'certifications' ? (
										<ul className="flex flex-wrap gap-1">
											{fact.value.map((tag) => (
												<li key={tag} className="rounded-full bg-white px-2 py-0.5 text-xs ring-1 ring-tea-500/40">
													{certificationLabel(t, tag)}
												</li>
											))}
										</ul>
									) : fact.field === 'harvestDay' ? (
										formatDay(fact.value, lng)
									) : (
										fact.value
									)}
								</dd>
							</div>
						))}
					</dl>
				) : (
					<p className="text-sm text-stone-600">{t('traceability.empty')}</p>
				)}
			</div>
			{missing.length ? (
				<p className="mt-2 text-sm text-stone-600">
					{t('traceability.missing', {
						fields: missing.map((field) => t(`traceability.${field}`).toLowerCase()).join(', '),
					})}
				</p>
			) : null}
		</section>
	)
}
