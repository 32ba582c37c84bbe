import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { can } from '~/accounts/permissions.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { suggestedTimes, type CalendarView, type Platform, type SuggestionSource } from '~/publishing/calendar.ts'
import { calendarData, CalendarMoveError, coopTimeZone, engagementByPlatform, rescheduleTargets, sendPostNow } from '~/publishing/calendar.server.ts'
import { CalendarPage } from '~/publishing/calendar-view.tsx'
import { createSeries, SERIES_MAX_DAYS, SeriesError, seriesChoices } from '~/publishing/series.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { formatDay, isCalendarDay, today } from '~/utils/coop-time.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { getLanguage, getT } from '~/utils/language.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'

const PLATFORMS: Platform[] = ['facebook_page', 'zalo_oa', 'tiktok', 'manual']

function readPlace(url: URL, timeZone: string) {
	const view: CalendarView = url.searchParams.get('view') === 'month' ? 'month' : 'week'
	const day = url.searchParams.get('day') ?? ''
	return { view, anchor: isCalendarDay(day) ? day : today(timeZone) }
}

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId, role } = await requireCoopPermission(request, 'read:post')
	const timeZone = await coopTimeZone(coopId)
	const { view, anchor } = readPlace(new URL(request.url), timeZone)
	const [calendar, engagement, choices, { t }] = await Promise.all([
		calendarData({ coopId, view, anchor, timeZone }),
		engagementByPlatform(coopId),
		can(role, 'create:post') ? seriesChoices(coopId) : null,
		getT(request),
	])
	const suggestions = Object.fromEntries(
		PLATFORMS.map((platform) => [platform, suggestedTimes(platform, anchor, timeZone, engagement[platform]).map(({ time, source }) => ({ time, source }))]),
	) as Record<Platform, { time: string; source: SuggestionSource }[]>
	return {
		view,
		anchor,
		today: today(timeZone),
		timeZone,
		...calendar,
		suggestions,
		series: choices,
		canMove: can(role, 'publish:post'),
		title: t('calendar:title'),
	}
}

const Day = z.string().refine(isCalendarDay)
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)

const RescheduleSchema = z.object({ targetId: z.array(z.string().min(1)).min(1).max(20), day: Day, time: Time })
const PostNowSchema = z.object({ postId: z.string().min(1) })
const SeriesSchema = z.object({
	caption: z.string().trim().min(1).max(5000),
	hashtags: z.string().trim().max(500).default(''),
	startDay: Day,
	channelId: z.array(z.string().min(1)).min(1).max(20),
	renderId: z.array(z.string()).max(SERIES_MAX_DAYS),
	time: z.array(z.string()).max(SERIES_MAX_DAYS),
})

function formObject(formData: FormData, lists: string[]) {
	const object: Record<string, unknown> = {}
	for (const key of new Set(formData.keys())) {
		object[key] = lists.includes(key) ? formData.getAll(key).map(String) : String(formData.get(key))
	}
	return object
}

export async function action({ request }: ActionFunctionArgs) {
	const { coopId, userId, role } = await requireCoopPermission(request, 'publish:post')
	const timeZone = await coopTimeZone(coopId)
	const url = new URL(request.url)
	const back = `/calendar${url.search}`
	const formData = await request.formData()
	const failed = (key: string) => redirectWithToast(request, back, { kind: 'error', key: `calendar:errors.${key}` })
	try {
		return await dispatchIntent(formData, {
			reschedule: async () => {
				const parsed = RescheduleSchema.safeParse(formObject(formData, ['targetId']))
				if (!parsed.success) return failed('not_a_time')
				const { targetId, day, time } = parsed.data
				await rescheduleTargets({ coopId, targetIds: targetId, day, time, timeZone })
				const shown = formatDay(day, await getLanguage(request))
				return redirectWithToast(request, back, { kind: 'success', key: 'calendar:toast.moved', values: { day: shown, time } })
			},
			'post-now': async () => {
				const parsed = PostNowSchema.safeParse(formObject(formData, []))
				if (!parsed.success) return failed('nothing_to_send')
				await sendPostNow(coopId, parsed.data.postId)
				return redirectWithToast(request, back, { kind: 'success', key: 'calendar:toast.sent' })
			},
			series: async () => {
				if (!can(role, 'create:post')) throw new Response('Forbidden', { status: 403 })
				const parsed = SeriesSchema.safeParse(formObject(formData, ['channelId', 'renderId', 'time']))
				if (!parsed.success) return failed('series_incomplete')
				const { caption, hashtags, startDay, channelId, renderId, time } = parsed.data
				const days = renderId.map((id, i) => (id ? { renderId: id, time: time[i] ?? '' } : null))
				if (days.every((d) => d === null)) return failed('series_incomplete')
				const created = await createSeries({
					coopId,
					userId,
					role,
					caption,
					hashtags,
					channelIds: channelId,
					startDay,
					timeZone,
					days,
				})
				return redirectWithToast(request, `/calendar?view=week&day=${startDay}`, {
					kind: 'success',
					key: 'calendar:toast.series',
					values: { count: created.postIds.length },
				})
			},
		})
	} catch (error) {
		if (error instanceof CalendarMoveError || error instanceof SeriesError) return failed(error.code)
		throw error
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Co-op Studio` }]

export default function CalendarRoute() {
	return <CalendarPage data={useLoaderData<typeof loader>()} />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
