import { Form, Link, useSubmit } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MEDIA_KINDS } from './file-kinds.ts'
import { hasFilters, MEDIA_STATUSES, type LibraryFilters } from './library-filters.ts'

type Facets = { products: { id: string; name: string; code: string }[]; places: string[]; seasons: string[] }

/** Filters as a GET form: they end up in the URL, work without JavaScript, and apply on change with it. */
export function LibraryFilterForm({ filters, facets }: { filters: LibraryFilters; facets: Facets }) {
	const { t } = useTranslation('media')
	const submit = useSubmit()
	const active = (['kind', 'status', 'product', 'place', 'season'] as const).filter((name) => filters[name] !== undefined).length
	const select = (name: keyof LibraryFilters, label: string, options: { value: string; label: string }[]) => (
		<div>
			<label htmlFor={`filter-${name}`} className="field-label">
				{label}
			</label>
			<select id={`filter-${name}`} name={name} defaultValue={filters[name] ?? ''} className="field-input">
				<option value="">{t('filters.all')}</option>
				{options.map((option) => (
					<option key={option.value} value={option.value}>
						{option.label}
					</option>
				))}
			</select>
		</div>
	)
	return (
		<Form
			method="get"
			role="search"
			className="card mb-4"
			onChange={(event) => {
				if ((event.target as HTMLElement).tagName === 'SELECT') submit(event.currentTarget, { replace: true })
			}}
		>
			<label htmlFor="filter-q" className="field-label">
				{t('filters.search')}
			</label>
			<div className="flex gap-2">
				<input id="filter-q" type="search" name="q" defaultValue={filters.q ?? ''} placeholder={t('filters.searchPlaceholder')} className="field-input" autoComplete="off" />
				<button type="submit" className="btn-secondary shrink-0">
					{t('filters.apply')}
				</button>
			</div>
			{/* On a phone the five lists would push the library off the screen: they fold away until needed. */}
			<details className="mt-3" open={active > 0}>
				<summary className="flex min-h-11 cursor-pointer items-center text-sm font-semibold text-tea-700">
					{active > 0 ? t('filters.titleActive', { count: active }) : t('filters.title')}
				</summary>
				<div className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
					{select('kind', t('filters.kind'), MEDIA_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) })))}
					{select('status', t('filters.status'), MEDIA_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) })))}
					{select('product', t('filters.product'), facets.products.map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` })))}
					{select('place', t('filters.place'), facets.places.map((place) => ({ value: place, label: place })))}
					{select('season', t('filters.season'), facets.seasons.map((season) => ({ value: season, label: season })))}
				</div>
			</details>
			{hasFilters(filters) ? (
				<Link to="/library" className="btn-secondary mt-3">
					{t('filters.clear')}
				</Link>
			) : null}
		</Form>
	)
}
