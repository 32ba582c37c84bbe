import { Form, Link } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Box } from '~/publishing/engagement-series.ts'
import { formatDay } from '~/utils/coop-time.ts'
import { isLanguage } from '~/utils/i18n-languages.ts'
import { formatVnd } from '~/utils/money.ts'
import type { Dashboard, Figures, SourceRow } from './dashboard.server.ts'
import { filtersQuery, plotTrend, type ResultsFilters } from './metrics.ts'

// The results page (issue 12; docs/decisions/191-results-dashboard.md):
// filters, the attribution model switch, totals, the funnel and the trend as
// hand-written SVG rendered by the server (each with a title, a description
// and its numbers in a table), and the ranking: cards on a phone, a table
// from the sm breakpoint up.

type Data = Omit<Dashboard, 'rows'> & { rows: SourceRow[]; more: boolean; canSave: boolean }

function useFormat() {
	const { i18n } = useTranslation('results')
	const lng = isLanguage(i18n.language) ? i18n.language : 'vi'
	const number = new Intl.NumberFormat(lng === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 })
	const percent = new Intl.NumberFormat(lng === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 })
	return {
		lng,
		n: (value: number | null) => (value === null ? '–' : number.format(value)),
		pct: (value: number | null) => (value === null ? '–' : percent.format(value)),
		vnd: (value: number | null) => (value === null ? '–' : formatVnd(value, lng)),
	}
}

export function ResultsPage({ data }: { data: Data }) {
	const { t } = useTranslation('results')
	const f = useFormat()
	return (
		<div className="space-y-4">
			<header>
				<h1 className="text-2xl font-bold">{t('heading')}</h1>
				<p className="text-stone-600">{t('intro')}</p>
			</header>
			<Filters data={data} />
			<ModelSwitch data={data} />
			<section className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label={t('title')} data-testid="results-totals">
				<Tile label={t('totals.orders')} value={f.n(data.totals.orders)} testId="total-orders" />
				<Tile label={t('totals.revenue')} value={f.vnd(data.totals.revenueVnd)} testId="total-revenue" />
				<Tile label={t('totals.clicks')} value={f.n(data.totals.clicks)} testId="total-clicks" />
				<Tile label={t('totals.views')} value={f.n(data.totals.views)} testId="total-views" />
			</section>
			<p className="card text-sm" data-testid="unattributed">
				<strong>{t('totals.unattributed')}: </strong>
				{t('totals.unattributedHelp', { orders: f.n(data.unattributed.orders), revenue: f.vnd(data.unattributed.revenueVnd) })}
			</p>
			<Ranking data={data} />
			<div className="grid gap-4 sm:grid-cols-2">
				<Funnel data={data} />
				<Trend data={data} />
			</div>
		</div>
	)
}

function Tile({ label, value, testId }: { label: string; value: string; testId: string }) {
	return (
		<div className="card">
			<div className="text-2xl font-bold break-words text-tea-700" data-testid={testId}>
				{value}
			</div>
			<div className="text-sm text-stone-600">{label}</div>
		</div>
	)
}

function Filters({ data }: { data: Data }) {
	const { t } = useTranslation('results')
	const { filters, choices } = data
	const select = (name: string, label: string, value: string | null, options: Array<{ id: string; label: string }>) => (
		<label className="flex flex-col gap-1 text-sm">
			{label}
			<select name={name} defaultValue={value ?? ''} className="field-input">
				<option value="">{t('filters.all')}</option>
				{options.map((option) => (
					<option key={option.id} value={option.id}>
						{option.label}
					</option>
				))}
			</select>
		</label>
	)
	return (
		<Form method="get" className="card grid grid-cols-2 gap-2 sm:grid-cols-6 sm:items-end" aria-label={t('filters.label')}>
			<label className="flex flex-col gap-1 text-sm">
				{t('filters.from')}
				<input type="date" name="from" defaultValue={filters.from} className="field-input" />
			</label>
			<label className="flex flex-col gap-1 text-sm">
				{t('filters.to')}
				<input type="date" name="to" defaultValue={filters.to} className="field-input" />
			</label>
			{select('channel', t('filters.channel'), filters.channelId, choices.channels.map((c) => ({ id: c.id, label: c.name })))}
			{select('product', t('filters.product'), filters.productId, choices.products.map((p) => ({ id: p.id, label: p.name })))}
			{select('video', t('filters.video'), filters.renderId, choices.videos.map((v) => ({ id: v.id, label: v.title })))}
			{filters.model ? <input type="hidden" name="model" value={filters.model} /> : null}
			<div className="col-span-2 flex gap-2 sm:col-span-1">
				<button type="submit" className="btn-primary flex-1">
					{t('filters.apply')}
				</button>
				<a href={`/results.csv?${filtersQuery(filters, { model: data.model })}`} className="btn-secondary flex-1 text-center" download>
					{t('filters.csv')}
				</a>
			</div>
		</Form>
	)
}

function ModelSwitch({ data }: { data: Data }) {
	const { t } = useTranslation('results')
	return (
		<section className="card space-y-2" aria-labelledby="model-title">
			<h2 id="model-title" className="font-semibold">
				{t('model.label')}
			</h2>
			<div className="flex flex-wrap gap-2" data-testid="model-switch">
				{(['last', 'first'] as const).map((model) => (
					<Link
						key={model}
						to={`/results?${filtersQuery(data.filters, { model })}`}
						aria-current={data.model === model ? 'true' : undefined}
						className={`min-h-11 content-center rounded-full border px-4 text-sm ${data.model === model ? 'border-tea-600 bg-tea-100 font-semibold' : 'border-stone-300 bg-white'}`}
					>
						{t(`model.${model}`)}
						{data.savedModel === model ? ` ${t('model.saved')}` : ''}
					</Link>
				))}
			</div>
			<p className="text-sm text-stone-600">{t('model.help', { days: data.windowDays })}</p>
			{data.canSave ? (
				<Form method="post" className="flex flex-wrap items-end gap-2">
					<input type="hidden" name="intent" value="save-settings" />
					<input type="hidden" name="model" value={data.model} />
					<label className="flex flex-col gap-1 text-sm">
						{t('model.window')}
						<input type="number" name="windowDays" min={1} max={90} defaultValue={data.windowDays} className="field-input w-24" />
					</label>
					<button type="submit" className="btn-secondary">
						{t('model.save')}
					</button>
				</Form>
			) : null}
		</section>
	)
}

const COLUMNS = ['views', 'clicks', 'clickThrough', 'orders', 'conversion', 'revenue', 'perThousand', 'estimatedOrders', 'estimatedRevenue'] as const

function cells(figures: Figures, f: ReturnType<typeof useFormat>): Record<(typeof COLUMNS)[number], string> {
	return {
		views: f.n(figures.views),
		clicks: f.n(figures.clicks),
		clickThrough: f.pct(figures.clickThrough),
		orders: f.n(figures.orders),
		conversion: f.pct(figures.conversion),
		revenue: f.vnd(figures.revenueVnd),
		perThousand: f.vnd(figures.revenuePerThousandViews),
		estimatedOrders: f.n(figures.estimatedOrders),
		estimatedRevenue: f.vnd(figures.estimatedRevenueVnd),
	}
}

function Ranking({ data }: { data: Data }) {
	const { t } = useTranslation('results')
	const f = useFormat()
	if (data.rows.length === 0) return <p className="card text-stone-600">{t('empty')}</p>
	const title = (row: SourceRow) => row.title || t(`kind.${row.kind}`)
	return (
		<section aria-labelledby="ranking-title" className="space-y-2">
			<h2 id="ranking-title" className="text-xl font-semibold">
				{t('ranking')}
			</h2>
			<p className="text-sm text-stone-600">{t('estimatedHelp')}</p>
			<ol className="space-y-3 sm:hidden" data-testid="ranking-cards">
				{data.rows.map((row, index) => {
					const values = cells(row, f)
					return (
						<li key={row.key} className="card" data-testid="ranking-card" data-source={row.key}>
							<p className="text-xs text-stone-500 uppercase">
								{index + 1}. {t(`kind.${row.kind}`)}
							</p>
							<h3 className="font-semibold break-words">{title(row)}</h3>
							<dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
								{COLUMNS.map((column) => (
									<div key={column} className="contents">
										<dt className="text-stone-600">{t(`columns.${column}`)}</dt>
										<dd className="text-right tabular-nums" data-column={column}>
											{values[column]}
										</dd>
									</div>
								))}
							</dl>
							{row.channels.length > 1 || row.channels[0]?.channelName ? (
								<ul className="mt-2 space-y-1 border-t border-stone-100 pt-2 text-sm">
									{row.channels.map((channel) => (
										<li key={channel.targetId ?? channel.channelId ?? 'none'} className="flex justify-between gap-2">
											<span className="break-words">{channel.channelName || t('noChannel')}</span>
											<span className="tabular-nums">
												{f.n(channel.orders)} · {f.vnd(channel.revenueVnd)}
											</span>
										</li>
									))}
								</ul>
							) : null}
						</li>
					)
				})}
			</ol>
			<div className="hidden overflow-x-auto sm:block">
				<table className="w-full text-left text-sm" data-testid="ranking-table">
					<caption className="sr-only">{t('ranking')}</caption>
					<thead>
						<tr>
							<th scope="col" className="py-1 pr-2">
								{t('columns.source')}
							</th>
							<th scope="col" className="py-1 pr-2">
								{t('columns.channel')}
							</th>
							{COLUMNS.map((column) => (
								<th key={column} scope="col" className="py-1 pr-2 text-right">
									{t(`columns.${column}`)}
								</th>
							))}
						</tr>
					</thead>
					<tbody>
						{data.rows.flatMap((row) => {
							const values = cells(row, f)
							return [
								<tr key={row.key} className="border-t border-stone-200 font-medium" data-source={row.key}>
									<th scope="row" className="py-1 pr-2 font-semibold">
										{title(row)} <span className="text-xs font-normal text-stone-500">{t(`kind.${row.kind}`)}</span>
									</th>
									<td className="py-1 pr-2" />
									{COLUMNS.map((column) => (
										<td key={column} className="py-1 pr-2 text-right tabular-nums" data-column={column}>
											{values[column]}
										</td>
									))}
								</tr>,
								...row.channels
									.filter(() => row.channels.length > 1 || row.channels[0]?.channelName)
									.map((channel) => {
										const channelValues = cells(channel, f)
										return (
											<tr key={`${row.key}-${channel.targetId ?? channel.channelId ?? 'none'}`} className="text-stone-600">
												<td className="py-1 pr-2" />
												<td className="py-1 pr-2">{channel.channelName || t('noChannel')}</td>
												{COLUMNS.map((column) => (
													<td key={column} className="py-1 pr-2 text-right tabular-nums">
														{channelValues[column]}
													</td>
												))}
											</tr>
										)
									}),
							]
						})}
					</tbody>
				</table>
			</div>
			{data.more ? <p className="text-sm text-stone-600">{t('more', { count: data.rows.length })}</p> : null}
		</section>
	)
}

const FUNNEL_BOX = { width: 320, height: 150 }

function Funnel({ data }: { data: Data }) {
	const { t } = useTranslation('results')
	const f = useFormat()
	const titleId = useId()
	const descId = useId()
	const rowHeight = 36
	const values = { views: f.n(data.totals.views), clicks: f.n(data.totals.clicks), orders: f.n(data.totals.orders), revenue: f.vnd(data.totals.revenueVnd) }
	return (
		<figure className="card" data-testid="funnel">
			<figcaption id={titleId} className="font-semibold">
				{t('funnel.title')}
			</figcaption>
			<svg viewBox={`0 0 ${FUNNEL_BOX.width} ${FUNNEL_BOX.height}`} className="h-auto w-full" role="img" aria-labelledby={titleId} aria-describedby={descId}>
				<title>{t('funnel.title')}</title>
				<desc id={descId}>{t('funnel.desc', values)}</desc>
				{data.funnel.map((step, index) => {
					const width = Math.max(2, step.width * FUNNEL_BOX.width)
					return (
						<g key={step.key}>
							<rect x={(FUNNEL_BOX.width - width) / 2} y={index * rowHeight} width={width} height={rowHeight - 6} rx="4" fill={['#bbf7d0', '#4ade80', '#15803d'][index]} />
							<text x={FUNNEL_BOX.width / 2} y={index * rowHeight + 20} textAnchor="middle" fontSize="12" fill={index === 2 ? '#ffffff' : '#1c1917'} stroke={index === 2 ? '#15803d' : 'none'} strokeWidth="0">
								{t(`funnel.${step.key}`)}: {f.n(step.value)}
							</text>
						</g>
					)
				})}
				<text x={FUNNEL_BOX.width / 2} y={3 * rowHeight + 20} textAnchor="middle" fontSize="13" fontWeight="bold" fill="#15803d">
					{t('funnel.revenue')}: {values.revenue}
				</text>
			</svg>
			<table className="mt-2 w-full text-sm">
				<tbody>
					{(['views', 'clicks', 'orders', 'revenue'] as const).map((key) => (
						<tr key={key}>
							<th scope="row" className="text-left font-normal text-stone-600">
								{t(`funnel.${key}`)}
							</th>
							<td className="text-right tabular-nums">{values[key]}</td>
						</tr>
					))}
				</tbody>
			</table>
		</figure>
	)
}

const TREND_BOX: Box = { width: 320, height: 120, left: 40, right: 10, top: 10, bottom: 22 }

function Trend({ data }: { data: Data }) {
	const { t } = useTranslation('results')
	const f = useFormat()
	return (
		<section className="card space-y-3" aria-labelledby="trend-title" data-testid="trend">
			<h2 id="trend-title" className="font-semibold">
				{t('trend.title')}
			</h2>
			<TrendChart title={t('trend.ordersTitle')} values={data.trend.map((d) => d.orders)} filters={data.filters} colour="#15803d" />
			<TrendChart title={t('trend.clicksTitle')} values={data.trend.map((d) => d.clicks)} filters={data.filters} colour="#1d4ed8" />
			<details className="text-sm">
				<summary className="min-h-11 cursor-pointer content-center font-medium">{t('trend.table')}</summary>
				<div className="max-h-72 overflow-auto">
					<table className="w-full" data-testid="trend-table">
						<thead>
							<tr>
								<th scope="col" className="text-left">
									{t('trend.day')}
								</th>
								<th scope="col" className="text-right">
									{t('columns.clicks')}
								</th>
								<th scope="col" className="text-right">
									{t('columns.orders')}
								</th>
								<th scope="col" className="text-right">
									{t('columns.revenue')}
								</th>
							</tr>
						</thead>
						<tbody>
							{data.trend.map((day) => (
								<tr key={day.day}>
									<th scope="row" className="text-left font-normal">
										{formatDay(day.day, f.lng)}
									</th>
									<td className="text-right tabular-nums">{f.n(day.clicks)}</td>
									<td className="text-right tabular-nums">{f.n(day.orders)}</td>
									<td className="text-right tabular-nums">{f.vnd(day.revenueVnd)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</details>
		</section>
	)
}

function TrendChart({ title, values, filters, colour }: { title: string; values: number[]; filters: ResultsFilters; colour: string }) {
	const { t } = useTranslation('results')
	const f = useFormat()
	const titleId = useId()
	const plot = plotTrend(values, TREND_BOX)
	const bottom = TREND_BOX.height - TREND_BOX.bottom
	const total = values.reduce((sum, value) => sum + value, 0)
	return (
		<figure>
			<figcaption id={titleId} className="text-sm">
				{title}
			</figcaption>
			<svg viewBox={`0 0 ${TREND_BOX.width} ${TREND_BOX.height}`} className="h-auto w-full" role="img" aria-labelledby={titleId}>
				<title>{title}</title>
				<desc>{t('trend.desc', { from: formatDay(filters.from, f.lng), to: formatDay(filters.to, f.lng), total: f.n(total), max: f.n(Math.max(0, ...values)) })}</desc>
				<line x1={TREND_BOX.left} x2={TREND_BOX.width - TREND_BOX.right} y1={bottom} y2={bottom} stroke="#a8a29e" />
				<text x={TREND_BOX.left - 4} y={TREND_BOX.top + 4} textAnchor="end" fontSize="10" fill="#57534e">
					{f.n(plot.max)}
				</text>
				<text x={TREND_BOX.left - 4} y={bottom} textAnchor="end" fontSize="10" fill="#57534e">
					0
				</text>
				<text x={TREND_BOX.left} y={TREND_BOX.height - 6} fontSize="10" fill="#57534e">
					{formatDay(filters.from, f.lng)}
				</text>
				<text x={TREND_BOX.width - TREND_BOX.right} y={TREND_BOX.height - 6} textAnchor="end" fontSize="10" fill="#57534e">
					{formatDay(filters.to, f.lng)}
				</text>
				<path d={plot.path} fill="none" stroke={colour} strokeWidth="2" strokeLinejoin="round" />
			</svg>
		</figure>
	)
}
