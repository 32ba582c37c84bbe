import { Form, Link, useFetcher, useNavigation } from '@remix-run/react'
import { useEffect, useId, useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isLanguage } from '~/utils/i18n.ts'
import { shiftDay, type Day } from '~/utils/coop-time.ts'
import { useRevalidateOnCoopEvents } from '~/utils/use-coop-events.ts'
import { agendaDays, stepAnchor, type CalendarView, type Platform } from './calendar.ts'
import type { CalendarChip } from './calendar.server.ts'

// The calendar page: a week or a month grid on wide screens, the same chips
// as an agenda list on a phone; each chip shows every channel's state in
// words and colour, links to its post, can be dragged to another day (the
// time of day is kept) or moved with its "Đổi giờ" form, and can be sent now.

type Suggestion = { time: string; source: 'default' | 'engagement' | 'orders' }

export type CalendarPageData = {
	view: CalendarView
	anchor: Day
	today: Day
	timeZone: string
	days: Day[]
	chips: CalendarChip[]
	reconnect: { id: string; name: string; platform: string }[]
	suggestions: Record<Platform, Suggestion[]>
	series: {
		renders: { id: string; format: string; title: string }[]
		channels: { id: string; name: string; platform: string; state: string }[]
	} | null
	canMove: boolean
}

const STATE_STYLE: Record<string, string> = {
	draft: 'bg-stone-100 text-stone-800 border-stone-300',
	scheduled: 'bg-sky-50 text-sky-900 border-sky-300',
	publishing: 'bg-amber-50 text-amber-900 border-amber-300',
	published: 'bg-tea-50 text-tea-900 border-tea-400',
	failed: 'bg-red-50 text-red-900 border-red-300',
	unconfirmed: 'bg-orange-50 text-orange-900 border-orange-300',
	needs_attention: 'bg-orange-50 text-orange-900 border-orange-300',
}

const STATE_MARK: Record<string, string> = {
	draft: '○',
	scheduled: '◷',
	publishing: '↻',
	published: '✓',
	failed: '✕',
	unconfirmed: '?',
	needs_attention: '!',
}

function locale(lng: string) {
	return lng === 'vi' ? 'vi-VN' : 'en-GB'
}

function dayLabel(day: Day, lng: string, options: Intl.DateTimeFormatOptions) {
	const [year, month, date] = day.split('-').map(Number)
	return new Intl.DateTimeFormat(locale(lng), { ...options, timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, date)))
}

function calendarHref(view: CalendarView, day: Day) {
	return `/calendar?view=${view}&day=${day}`
}

function suggestionsFor(chip: CalendarChip, suggestions: Record<Platform, Suggestion[]>) {
	const platform = (chip.channels[0]?.platform ?? 'manual') as Platform
	return suggestions[platform] ?? suggestions.manual
}

export function CalendarPage({ data }: { data: CalendarPageData }) {
	const { t, i18n } = useTranslation('calendar')
	const lng = isLanguage(i18n.language) ? i18n.language : 'vi'
	const { view, anchor, days, chips } = data
	const fetcher = useFetcher()
	const [dragged, setDragged] = useState<CalendarChip | null>(null)
	const [dropDay, setDropDay] = useState<Day | null>(null)
	// Chips become draggable once the page's script runs; before that a drag would do nothing.
	const [hydrated, setHydrated] = useState(false)
	useEffect(() => setHydrated(true), [])
	useRevalidateOnCoopEvents((event) => event.type === 'post.target.updated' || event.type === 'post.updated' || event.type === 'channel.updated')

	const byDay = new Map<Day, CalendarChip[]>(days.map((day) => [day, []]))
	for (const chip of chips) byDay.get(chip.day)?.push(chip)

	const drop = (day: Day) => (event: DragEvent) => {
		event.preventDefault()
		setDropDay(null)
		const chip = dragged
		setDragged(null)
		if (!chip || chip.day === day) return
		const form = new FormData()
		form.set('intent', 'reschedule')
		for (const channel of chip.channels) if (channel.canMove) form.append('targetId', channel.targetId)
		form.set('day', day)
		form.set('time', chip.time)
		fetcher.submit(form, { method: 'post', action: `/calendar?view=${view}&day=${anchor}` })
	}
	const dropTarget = (day: Day) =>
		data.canMove
			? {
					onDragOver: (event: DragEvent) => {
						if (!dragged) return
						event.preventDefault()
						setDropDay(day)
					},
					onDragLeave: () => setDropDay((current) => (current === day ? null : current)),
					onDrop: drop(day),
				}
			: {}
	const chipProps = { data, draggable: hydrated, onDragStart: setDragged, onDragEnd: () => setDragged(null) }
	const month = anchor.slice(0, 7)
	const heading =
		view === 'week'
			? t('range.week', {
					start: dayLabel(days[0], lng, { day: 'numeric', month: 'numeric' }),
					end: dayLabel(days[6], lng, { day: 'numeric', month: 'numeric', year: 'numeric' }),
				})
			: dayLabel(anchor, lng, { month: 'long', year: 'numeric' })

	return (
		<div>
			<div className="mb-3 flex flex-wrap items-center gap-2">
				<h1 className="mr-auto text-2xl font-bold">{t('title')}</h1>
				<nav aria-label={t('views')} className="flex gap-1">
					{(['week', 'month'] as const).map((v) => (
						<Link
							key={v}
							to={calendarHref(v, anchor)}
							aria-current={v === view ? 'page' : undefined}
							className={v === view ? 'btn-primary' : 'btn-secondary'}
						>
							{t(`view.${v}`)}
						</Link>
					))}
				</nav>
			</div>
			<div className="mb-3 flex flex-wrap items-center gap-2">
				<Link to={calendarHref(view, stepAnchor(view, anchor, -1))} className="btn-secondary" aria-label={t(`previous.${view}`)}>
					←
				</Link>
				<Link to={calendarHref(view, data.today)} className="btn-secondary">
					{t('today')}
				</Link>
				<Link to={calendarHref(view, stepAnchor(view, anchor, 1))} className="btn-secondary" aria-label={t(`next.${view}`)}>
					→
				</Link>
				<p className="font-semibold" data-testid="calendar-range">
					{heading}
				</p>
			</div>
			<p className="mb-3 text-sm text-stone-600">{t('zone', { zone: data.timeZone })}</p>

			{data.reconnect.length > 0 ? (
				<div className="mb-4 rounded-lg border border-orange-300 bg-orange-50 p-3 text-orange-950" role="alert" data-testid="calendar-reconnect">
					<p className="mb-1 font-semibold">{t('reconnect.title', { count: data.reconnect.length })}</p>
					<p className="mb-2 text-sm">{t('reconnect.body', { names: data.reconnect.map((c) => c.name).join(', ') })}</p>
					<Link to="/channels" className="btn-primary">
						{t('reconnect.action')}
					</Link>
				</div>
			) : null}

			{fetcher.state !== 'idle' ? (
				<p className="mb-2 text-sm text-stone-600" role="status">
					{t('moving')}
				</p>
			) : null}

			<div className="hidden md:block" data-testid={`calendar-${view}`}>
				<div className="grid grid-cols-7 gap-1">
					{days.slice(0, 7).map((day) => (
						<div key={`head-${day}`} className="px-1 text-center text-sm font-semibold text-stone-600" aria-hidden="true">
							{dayLabel(day, lng, { weekday: 'short' })}
						</div>
					))}
					{days.map((day) => {
						const outside = view === 'month' && !day.startsWith(month)
						return (
							<section
								key={day}
								aria-label={dayLabel(day, lng, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}
								data-day={day}
								data-testid="calendar-day"
								className={`rounded-lg border p-1 ${view === 'week' ? 'min-h-64' : 'min-h-28'} ${
									dropDay === day ? 'border-tea-600 bg-tea-50' : day === data.today ? 'border-tea-500' : 'border-stone-200'
								} ${outside ? 'bg-stone-50 text-stone-500' : 'bg-white'}`}
								{...dropTarget(day)}
							>
								<p className={`mb-1 text-right text-sm ${day === data.today ? 'font-bold text-tea-800' : ''}`}>
									{view === 'week' ? dayLabel(day, lng, { day: 'numeric', month: 'numeric' }) : Number(day.slice(8))}
								</p>
								<ul className="flex flex-col gap-1">
									{byDay.get(day)!.map((chip) => (
										<Chip key={chip.key} chip={chip} compact={view === 'month'} {...chipProps} />
									))}
								</ul>
							</section>
						)
					})}
				</div>
			</div>

			<div className="md:hidden" data-testid="calendar-agenda">
				{chips.length === 0 ? (
					<p className="card text-stone-700">{t(`empty.${view}`)}</p>
				) : (
					<ol className="flex flex-col gap-4">
						{agendaDays(chips.map((chip) => ({ day: chip.day, time: chip.time, at: new Date(chip.at), item: chip }))).map(({ day, entries }) => (
							<li key={day}>
								<h2 className={`mb-1 font-semibold ${day === data.today ? 'text-tea-800' : ''}`}>
									{dayLabel(day, lng, { weekday: 'long', day: 'numeric', month: 'numeric' })}
									{day === data.today ? ` · ${t('today')}` : ''}
								</h2>
								<ul className="flex flex-col gap-2">
									{entries.map(({ item }) => (
										<Chip key={item.key} chip={item} compact={false} {...chipProps} />
									))}
								</ul>
							</li>
						))}
					</ol>
				)}
			</div>

			{data.series ? <SeriesForm data={data} lng={lng} /> : null}
		</div>
	)
}

function Chip({
	chip,
	compact,
	data,
	draggable,
	onDragStart,
	onDragEnd,
}: {
	chip: CalendarChip
	compact: boolean
	data: CalendarPageData
	draggable: boolean
	onDragStart: (chip: CalendarChip) => void
	onDragEnd: () => void
}) {
	const { t } = useTranslation('calendar')
	const movable = data.canMove && chip.channels.some((c) => c.canMove)
	const waiting = chip.channels.some((c) => ['draft', 'scheduled', 'failed', 'needs_attention'].includes(c.state))
	return (
		<li
			className={`rounded-md border p-1.5 text-sm ${STATE_STYLE[chip.summary] ?? STATE_STYLE.draft} ${movable ? 'cursor-grab' : ''}`}
			draggable={movable && draggable}
			onDragStart={(event) => {
				event.dataTransfer.setData('text/plain', chip.key)
				event.dataTransfer.effectAllowed = 'move'
				onDragStart(chip)
			}}
			onDragEnd={onDragEnd}
			data-testid="calendar-chip"
			data-post-id={chip.postId}
			data-day={chip.day}
		>
			<Link to={`/posts/${chip.postId}`} className="block font-medium break-words underline-offset-2 hover:underline">
				<span className="font-mono" data-testid="chip-time">
					{chip.time}
				</span>{' '}
				{chip.snippet}
			</Link>
			<p className="text-xs" data-testid="chip-summary">
				{t(`summary.${chip.summary}`)}
				{chip.seriesId ? ` · ${t('inSeries')}` : ''}
			</p>
			<ul className={compact ? 'mt-1 flex flex-col gap-0.5' : 'mt-1 flex flex-col gap-1'}>
				{chip.channels.map((channel) => (
					<li key={channel.targetId} className="flex items-start gap-1 text-xs" data-testid="chip-channel" data-state={channel.state}>
						<span aria-hidden="true" className={`inline-flex size-4 shrink-0 items-center justify-center rounded-full border ${STATE_STYLE[channel.state] ?? ''}`}>
							{STATE_MARK[channel.state] ?? '·'}
						</span>
						<span className="min-w-0 break-words">
							{channel.channelName}: <strong>{t(`state.${channel.state}`)}</strong>
							{channel.channelState === 'needs_reconnect' ? ` (${t('channelNeedsReconnect')})` : ''}
						</span>
					</li>
				))}
			</ul>
			{data.canMove && (movable || waiting) ? (
				<details className="mt-1">
					<summary className="cursor-pointer text-xs font-semibold text-tea-800">{t('actions')}</summary>
					{movable ? <MoveForm chip={chip} data={data} /> : null}
					{waiting ? (
						<Form method="post" action={`/calendar?view=${data.view}&day=${data.anchor}`} className="mt-2">
							<input type="hidden" name="postId" value={chip.postId} />
							<button type="submit" name="intent" value="post-now" className="btn-secondary w-full">
								{t('postNow')}
							</button>
						</Form>
					) : null}
				</details>
			) : null}
		</li>
	)
}

function MoveForm({ chip, data }: { chip: CalendarChip; data: CalendarPageData }) {
	const { t } = useTranslation('calendar')
	const id = useId()
	const navigation = useNavigation()
	return (
		<Form method="post" action={`/calendar?view=${data.view}&day=${data.anchor}`} className="mt-2 flex flex-col gap-2" aria-label={t('move.title')}>
			<p className="text-xs font-semibold">{t('move.title')}</p>
			{chip.channels
				.filter((c) => c.canMove)
				.map((c) => (
					<input key={c.targetId} type="hidden" name="targetId" value={c.targetId} />
				))}
			<label htmlFor={`${id}-day`} className="text-xs">
				{t('move.day')}
			</label>
			<input id={`${id}-day`} type="date" name="day" defaultValue={chip.day} min={data.today} className="field-input" required />
			<TimeField id={`${id}-time`} name="time" defaultValue={chip.time} suggestions={suggestionsFor(chip, data.suggestions)} />
			<button type="submit" name="intent" value="reschedule" className="btn-primary" disabled={navigation.state === 'submitting'}>
				{t('move.submit')}
			</button>
		</Form>
	)
}

function TimeField({
	id,
	name,
	defaultValue,
	suggestions,
	label,
}: {
	id: string
	name: string
	defaultValue: string
	suggestions: Suggestion[]
	label?: string
}) {
	const { t } = useTranslation('calendar')
	const [value, setValue] = useState(defaultValue)
	const kind = suggestions.some((s) => s.source === 'orders') ? 'orders' : suggestions.some((s) => s.source === 'engagement') ? 'own' : 'default'
	return (
		<div className="flex flex-col gap-1">
			<label htmlFor={id} className="text-xs">
				{label ?? t('move.time')}
			</label>
			<input id={id} type="time" name={name} value={value} onChange={(event) => setValue(event.target.value)} className="field-input" required />
			<div className="flex flex-wrap items-center gap-1" role="group" aria-label={t(`suggested.${kind}`)}>
				<span className="text-xs text-stone-600">{t(`suggested.${kind}`)}</span>
				{suggestions.map((s) => (
					<button
						key={s.time}
						type="button"
						className={`rounded-full border px-2 py-1 text-xs ${value === s.time ? 'border-tea-600 bg-tea-100' : 'border-stone-300 bg-white'}`}
						aria-pressed={value === s.time}
						onClick={() => setValue(s.time)}
					>
						{s.time}
					</button>
				))}
			</div>
		</div>
	)
}

const SERIES_DAYS = 7

function SeriesForm({ data, lng }: { data: CalendarPageData; lng: string }) {
	const { t } = useTranslation('calendar')
	const id = useId()
	const [start, setStart] = useState(shiftDay(data.today, 1))
	const series = data.series!
	const platforms = new Set(series.channels.map((c) => c.platform as Platform))
	const first = [...platforms][0] ?? 'facebook_page'
	const suggestions = data.suggestions[first]
	if (series.renders.length === 0 || series.channels.length === 0) {
		return (
			<section className="card mt-6" data-testid="series-unavailable">
				<h2 className="mb-1 text-lg font-bold">{t('series.title')}</h2>
				<p className="text-sm text-stone-700">{series.renders.length === 0 ? t('series.noRenders') : t('series.noChannels')}</p>
				<Link to={series.renders.length === 0 ? '/studio' : '/channels'} className="btn-secondary mt-2 inline-block">
					{series.renders.length === 0 ? t('series.toStudio') : t('series.toChannels')}
				</Link>
			</section>
		)
	}
	return (
		<details className="card mt-6" data-testid="series-form">
			<summary className="cursor-pointer text-lg font-bold">{t('series.title')}</summary>
			<p className="mb-3 text-sm text-stone-700">{t('series.intro')}</p>
			<Form method="post" action={`/calendar?view=week&day=${start}`} className="flex flex-col gap-3">
				<label htmlFor={`${id}-caption`} className="font-medium">
					{t('series.caption')}
				</label>
				<textarea id={`${id}-caption`} name="caption" rows={3} className="field-input" required maxLength={5000} />
				<label htmlFor={`${id}-hashtags`} className="font-medium">
					{t('series.hashtags')}
				</label>
				<input id={`${id}-hashtags`} name="hashtags" className="field-input" maxLength={500} />
				<label htmlFor={`${id}-start`} className="font-medium">
					{t('series.start')}
				</label>
				<input
					id={`${id}-start`}
					type="date"
					name="startDay"
					value={start}
					min={data.today}
					onChange={(event) => setStart(event.target.value)}
					className="field-input"
					required
				/>
				<fieldset>
					<legend className="font-medium">{t('series.channels')}</legend>
					{series.channels.map((channel) => (
						<label key={channel.id} className="flex items-center gap-2 py-1">
							<input type="checkbox" name="channelId" value={channel.id} />
							{channel.name}
							{channel.state === 'needs_reconnect' ? <span className="text-xs text-orange-800">({t('channelNeedsReconnect')})</span> : null}
						</label>
					))}
				</fieldset>
				<fieldset className="flex flex-col gap-3">
					<legend className="font-medium">{t('series.days')}</legend>
					{Array.from({ length: SERIES_DAYS }, (_, i) => {
						const day = /^\d{4}-\d{2}-\d{2}$/.test(start) ? shiftDay(start, i) : null
						const label = day ? dayLabel(day, lng, { weekday: 'long', day: 'numeric', month: 'numeric' }) : t('series.dayNumber', { n: i + 1 })
						return (
							<div key={i} className="rounded-lg border border-stone-200 p-2" data-testid="series-day">
								<label htmlFor={`${id}-render-${i}`} className="text-sm font-semibold">
									{label}
								</label>
								<select id={`${id}-render-${i}`} name="renderId" className="field-input" defaultValue="">
									<option value="">{t('series.skipDay')}</option>
									{series.renders.map((render) => (
										<option key={render.id} value={render.id}>
											{render.title} ({render.format})
										</option>
									))}
								</select>
								<TimeField
									id={`${id}-time-${i}`}
									name="time"
									defaultValue={suggestions[suggestions.length - 1]?.time ?? '20:00'}
									suggestions={suggestions}
									label={t('series.time', { day: label })}
								/>
							</div>
						)
					})}
				</fieldset>
				<button type="submit" name="intent" value="series" className="btn-primary">
					{t('series.submit')}
				</button>
			</Form>
		</details>
	)
}
