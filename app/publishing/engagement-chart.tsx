import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_TIME_ZONE, formatDate, formatDateTime } from '~/utils/coop-time.ts'
import { metricsWithNumbers, plotMetric, seriesByChannel, timeOf, type Box, type ChartSnapshot, type Metric } from './engagement-series.ts'

// A post's numbers over time (issue 11), hand-written SVG so that the server
// renders it whole and no chart library ships to a phone
// (docs/decisions/165-engagement-chart-svg.md). One small chart per number,
// one line per channel, and the same numbers as a table for screen readers
// and for anyone who wants the figures.

const BOX: Box = { width: 320, height: 140, left: 44, right: 12, top: 10, bottom: 24 }

/** Distinct on white, and not told apart by colour alone: each line also has its own mark. */
const COLOURS = ['#15803d', '#1d4ed8', '#b45309', '#be185d', '#6d28d9', '#0f766e']
const MARKS = ['circle', 'square', 'diamond'] as const

export function EngagementChart({ snapshots, timeZone = DEFAULT_TIME_ZONE }: { snapshots: ChartSnapshot[]; timeZone?: string }) {
	const { t, i18n } = useTranslation('engagement')
	if (snapshots.length === 0) {
		return (
			<p className="text-sm text-stone-600" data-testid="engagement-empty">
				{t('empty')}
			</p>
		)
	}
	const series = seriesByChannel(snapshots)
	const metrics = metricsWithNumbers(snapshots)
	const named = series.some((s) => s.channelName)
	const number = new Intl.NumberFormat(i18n.language === 'vi' ? 'vi-VN' : 'en-GB')
	return (
		<section className="space-y-3" data-testid="engagement-chart" aria-label={t('title')}>
			<ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t('legend')} hidden={!named}>
				{series.map((s, index) => (
					<li key={s.channelId} className="flex items-center gap-1">
						<svg width="14" height="14" aria-hidden="true">
							<Mark shape={MARKS[index % MARKS.length]!} x={7} y={7} colour={COLOURS[index % COLOURS.length]!} />
						</svg>
						<span className="break-words">{s.channelName}</span>
					</li>
				))}
			</ul>
			<div className="grid gap-3 sm:grid-cols-2">
				{metrics.map((metric) => (
					<MetricChart key={metric} metric={metric} series={series} format={(n) => number.format(n)} timeZone={timeZone} />
				))}
			</div>
			<details className="rounded-lg border border-stone-200 p-2 text-sm">
				<summary className="min-h-11 cursor-pointer content-center font-medium">{t('tableSummary')}</summary>
				<div className="overflow-x-auto">
					<table className="w-full text-left" data-testid="engagement-table">
						<caption className="sr-only">{t('tableCaption')}</caption>
						<thead>
							<tr>
								{named ? <th scope="col" className="py-1 pr-2">{t('channel')}</th> : null}
								<th scope="col" className="py-1 pr-2">{t('takenAt')}</th>
								{metrics.map((metric) => (
									<th key={metric} scope="col" className="py-1 pr-2 text-right">{t(`metric.${metric}`)}</th>
								))}
							</tr>
						</thead>
						<tbody>
							{series.flatMap((s) =>
								s.snapshots.map((snapshot, index) => (
									<tr key={`${s.channelId}-${index}`} className="border-t border-stone-100">
										{named ? <th scope="row" className="py-1 pr-2 font-normal">{s.channelName}</th> : null}
										<td className="py-1 pr-2 whitespace-nowrap">
											{formatDateTime(new Date(timeOf(snapshot)), i18n.language, timeZone)}
											{snapshot.source === 'manual' ? <span className="text-stone-500"> · {t('typedIn')}</span> : null}
										</td>
										{metrics.map((metric) => (
											<td key={metric} className="py-1 pr-2 text-right tabular-nums">
												{snapshot[metric] === null ? '–' : number.format(snapshot[metric]!)}
											</td>
										))}
									</tr>
								)),
							)}
						</tbody>
					</table>
				</div>
			</details>
		</section>
	)
}

function MetricChart({ metric, series, format, timeZone }: { metric: Metric; series: ReturnType<typeof seriesByChannel>; format: (n: number) => string; timeZone: string }) {
	const { t, i18n } = useTranslation('engagement')
	const titleId = useId()
	const plot = plotMetric(series, metric, BOX)
	const bottom = BOX.height - BOX.bottom
	const latest = series
		.map((s) => {
			const last = [...s.snapshots].reverse().find((snapshot) => snapshot[metric] !== null)
			return last ? (s.channelName ? `${s.channelName}: ${format(last[metric]!)}` : format(last[metric]!)) : null
		})
		.filter(Boolean)
		.join(', ')
	return (
		<figure className="rounded-lg border border-stone-200 p-2">
			<figcaption id={titleId} className="text-sm font-medium">
				{t(`metric.${metric}`)}
			</figcaption>
			<svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} className="h-auto w-full" role="img" aria-labelledby={titleId} data-metric={metric}>
				<desc>{t('latest', { values: latest })}</desc>
				<line x1={BOX.left} x2={BOX.width - BOX.right} y1={bottom} y2={bottom} stroke="#a8a29e" />
				<line x1={BOX.left} x2={BOX.width - BOX.right} y1={BOX.top} y2={BOX.top} stroke="#e7e5e4" strokeDasharray="3 3" />
				<text x={BOX.left - 4} y={BOX.top + 4} textAnchor="end" fontSize="10" fill="#57534e">
					{format(plot.max)}
				</text>
				<text x={BOX.left - 4} y={bottom} textAnchor="end" fontSize="10" fill="#57534e">
					0
				</text>
				<text x={BOX.left} y={BOX.height - 6} fontSize="10" fill="#57534e">
					{formatDate(new Date(plot.from), i18n.language, timeZone)}
				</text>
				{plot.to !== plot.from ? (
					<text x={BOX.width - BOX.right} y={BOX.height - 6} textAnchor="end" fontSize="10" fill="#57534e">
						{formatDate(new Date(plot.to), i18n.language, timeZone)}
					</text>
				) : null}
				{plot.lines.map((line) => {
					const index = series.findIndex((s) => s.channelId === line.channelId)
					const colour = COLOURS[index % COLOURS.length]!
					return (
						<g key={line.channelId}>
							<path d={line.path} fill="none" stroke={colour} strokeWidth="2" strokeLinejoin="round" />
							{line.points.map((point) => (
								<Mark key={point.time} shape={MARKS[index % MARKS.length]!} x={point.x} y={point.y} colour={colour} />
							))}
						</g>
					)
				})}
			</svg>
		</figure>
	)
}

function Mark({ shape, x, y, colour }: { shape: (typeof MARKS)[number]; x: number; y: number; colour: string }) {
	if (shape === 'square') return <rect x={x - 3.5} y={y - 3.5} width="7" height="7" fill={colour} />
	if (shape === 'diamond') return <path d={`M${x} ${y - 4.5} L${x + 4.5} ${y} L${x} ${y + 4.5} L${x - 4.5} ${y} Z`} fill={colour} />
	return <circle cx={x} cy={y} r="3.5" fill={colour} />
}
