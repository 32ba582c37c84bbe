import { useTranslation } from 'react-i18next'
import type { MinuteBucket } from './live-report.ts'

// Comments and orders per minute over the live's timeline, hand-written SVG
// like the engagement chart (docs/decisions/165-engagement-chart-svg.md): the
// server draws it whole, nothing ships to the phone, and the same numbers
// follow as a table for screen readers.

const WIDTH = 320
const HEIGHT = 140
const PAD = { left: 32, right: 8, top: 10, bottom: 22 }

export function LiveChart({ minutes }: { minutes: MinuteBucket[] }) {
	const { t } = useTranslation('live')
	const max = Math.max(1, ...minutes.map((m) => Math.max(m.comments, m.orders)))
	const plotW = WIDTH - PAD.left - PAD.right
	const plotH = HEIGHT - PAD.top - PAD.bottom
	const step = plotW / minutes.length
	const barW = Math.max(1, step / 2 - 1)
	const y = (value: number) => PAD.top + plotH - (value / max) * plotH
	const ticks = minutes.length <= 10 ? minutes.map((m) => m.minute) : [0, Math.floor(minutes.length / 2), minutes.length - 1]
	return (
		<figure className="space-y-2" data-testid="live-chart">
			<svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full max-w-xl" role="img" aria-label={t('report.chartLabel')}>
				<line x1={PAD.left} y1={PAD.top + plotH} x2={WIDTH - PAD.right} y2={PAD.top + plotH} stroke="#a8a29e" />
				<text x={PAD.left - 4} y={PAD.top + 4} textAnchor="end" fontSize="9" fill="#57534e">{max}</text>
				<text x={PAD.left - 4} y={PAD.top + plotH} textAnchor="end" fontSize="9" fill="#57534e">0</text>
				{minutes.map((m, i) => (
					<g key={m.minute}>
						<rect x={PAD.left + i * step} y={y(m.comments)} width={barW} height={PAD.top + plotH - y(m.comments)} fill="#1d4ed8">
							<title>{t('report.minuteComments', { minute: m.minute + 1, count: m.comments })}</title>
						</rect>
						<rect x={PAD.left + i * step + barW + 1} y={y(m.orders)} width={barW} height={PAD.top + plotH - y(m.orders)} fill="#15803d">
							<title>{t('report.minuteOrders', { minute: m.minute + 1, count: m.orders })}</title>
						</rect>
					</g>
				))}
				{ticks.map((minute) => (
					<text key={minute} x={PAD.left + minute * step + step / 2} y={HEIGHT - 6} textAnchor="middle" fontSize="9" fill="#57534e">
						{minute + 1}′
					</text>
				))}
			</svg>
			<figcaption className="flex flex-wrap gap-4 text-sm">
				<span><span aria-hidden="true" className="mr-1 inline-block h-3 w-3 bg-blue-700" />{t('report.comments')}</span>
				<span><span aria-hidden="true" className="mr-1 inline-block h-3 w-3 bg-green-700" />{t('report.orders')}</span>
			</figcaption>
			<details className="text-sm">
				<summary className="min-h-11 cursor-pointer content-center">{t('report.tableSummary')}</summary>
				<table className="w-full text-left">
					<thead>
						<tr>
							<th scope="col">{t('report.minute')}</th>
							<th scope="col" className="text-right">{t('report.comments')}</th>
							<th scope="col" className="text-right">{t('report.orders')}</th>
						</tr>
					</thead>
					<tbody>
						{minutes.map((m) => (
							<tr key={m.minute} className="border-t border-stone-100">
								<td>{m.minute + 1}</td>
								<td className="text-right tabular-nums">{m.comments}</td>
								<td className="text-right tabular-nums">{m.orders}</td>
							</tr>
						))}
					</tbody>
				</table>
			</details>
		</figure>
	)
}
