import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useCan } from '~/accounts/use-can.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { orNotFound } from '~/live/not-found.server.ts'
import { formFields, SessionFields } from '~/live/session-form.tsx'
import {
	addLineupItem,
	changeChecklist,
	LineupItemSchema,
	loadRunSheet,
	moveLineupItem,
	moveLive,
	removeLineupItem,
	rotateOverlayToken,
	SessionDetailsSchema,
	suggestTalkingPoints,
	updateLineupItem,
	updateSessionDetails,
} from '~/live/sessions.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { formatDateTime, instantToLocal } from '~/utils/coop-time.ts'
import { getEnv } from '~/utils/env.server.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { getT } from '~/utils/language.server.ts'
import { formatVnd } from '~/utils/money.ts'
import { invariantResponse, redirectWithToast } from '~/utils/responses.server.ts'

function originOf(request: Request) {
	return getEnv().PUBLIC_URL ?? new URL(request.url).origin
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:live')
	const [{ t }, sheet] = await Promise.all([getT(request), orNotFound(loadRunSheet(coopId, params.sessionId!, originOf(request)))])
	return { ...sheet, pageTitle: `${sheet.session.title} · ${t('live:sheet.title')}` }
}

const text = (form: FormData, name: string) => {
	const value = form.get(name)
	return typeof value === 'string' ? value : ''
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'update:live')
	const sessionId = params.sessionId!
	const here = `/live/${sessionId}`
	const form = await request.formData()
	const done = (key: string) => redirectWithToast(request, here, { kind: 'success', key })
	return dispatchIntent(form, {
		details: async () => {
			const parsed = SessionDetailsSchema.safeParse(formFields(form, ['title', 'day', 'time', 'platform', 'channelId', 'liveVideoId', 'replayUrl']))
			if (!parsed.success) return data({ errors: parsed.error.flatten().fieldErrors, overlayUrl: null }, { status: 400 })
			await orNotFound(updateSessionDetails(coopId, sessionId, parsed.data))
			return done('live:toasts.saved')
		},
		addItem: async () => {
			await orNotFound(addLineupItem(coopId, sessionId, text(form, 'productId')))
			return done('live:toasts.itemAdded')
		},
		updateItem: async () => {
			const parsed = LineupItemSchema.safeParse({
				priceVnd: text(form, 'priceVnd'),
				stockOpened: text(form, 'stockOpened'),
				segmentMinutes: text(form, 'segmentMinutes'),
				talkingPoints: text(form, 'talkingPoints'),
			})
			if (!parsed.success) return data({ errors: parsed.error.flatten().fieldErrors, overlayUrl: null }, { status: 400 })
			await orNotFound(updateLineupItem(coopId, sessionId, text(form, 'itemId'), parsed.data))
			return done('live:toasts.saved')
		},
		removeItem: async () => {
			await orNotFound(removeLineupItem(coopId, sessionId, text(form, 'itemId')))
			return done('live:toasts.itemRemoved')
		},
		moveUp: async () => {
			await orNotFound(moveLineupItem(coopId, sessionId, text(form, 'itemId'), 'up'))
			return done('live:toasts.saved')
		},
		moveDown: async () => {
			await orNotFound(moveLineupItem(coopId, sessionId, text(form, 'itemId'), 'down'))
			return done('live:toasts.saved')
		},
		talkingPoints: async () => {
			const source = await orNotFound(suggestTalkingPoints(coopId, sessionId, text(form, 'itemId')))
			return done(source === 'openai' ? 'live:toasts.pointsAi' : 'live:toasts.pointsOffline')
		},
		checklistToggle: async () => {
			await orNotFound(changeChecklist(coopId, sessionId, { kind: 'toggle', id: text(form, 'id'), done: form.get('done') === 'true' }))
			return done('live:toasts.saved')
		},
		checklistAdd: async () => {
			await orNotFound(changeChecklist(coopId, sessionId, { kind: 'add', label: text(form, 'label') }))
			return done('live:toasts.saved')
		},
		checklistRemove: async () => {
			await orNotFound(changeChecklist(coopId, sessionId, { kind: 'remove', id: text(form, 'id') }))
			return done('live:toasts.saved')
		},
		start: async () => {
			const moved = await orNotFound(moveLive(coopId, sessionId, 'start'))
			invariantResponse(moved.ok, 'This live cannot start now', 409)
			return redirectWithToast(request, `${here}/console`, { kind: 'success', key: 'live:toasts.started' })
		},
		end: async () => {
			const moved = await orNotFound(moveLive(coopId, sessionId, 'end'))
			invariantResponse(moved.ok, 'This live is not running', 409)
			return redirectWithToast(request, `${here}/report`, { kind: 'success', key: 'live:toasts.ended' })
		},
		rotateOverlay: async () => {
			const token = await orNotFound(rotateOverlayToken(coopId, sessionId))
			// The one moment the link is certainly in clear (without ENCRYPTION_KEY it is not kept).
			return data({ errors: null, overlayUrl: `${originOf(request)}/overlay/${token}` }, { headers: { 'cache-control': 'no-store' } })
		},
	})
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? 'Livestream'} · Co-op Studio` }]

export default function RunSheetPage() {
	const { session, items, link, addable, timeZone, pages, liveVideos } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t, i18n } = useTranslation('live')
	const may = useCan()
	const canEdit = may('update:live')
	const scheduled = session.scheduledAt ? instantToLocal(new Date(session.scheduledAt), timeZone) : null
	const overlayUrl = actionData?.overlayUrl ?? session.overlayUrl
	return (
		<div className="mx-auto max-w-4xl space-y-4" data-testid="run-sheet">
			<header className="space-y-2">
				<p className="text-sm">
					<Link to="/live" className="underline">{t('list.title')}</Link>
				</p>
				<h1 className="text-2xl font-bold break-words">{session.title}</h1>
				<p className="text-sm text-stone-600">
					<span data-testid="live-state">{t(`state.${session.state}`)}</span>
					{session.scheduledAt ? ` · ${formatDateTime(new Date(session.scheduledAt), i18n.language, timeZone)}` : ''}
					{' · '}
					{t(`platform.${session.platform === 'facebook' ? 'facebook' : 'other'}`)}
				</p>
				<div className="flex flex-wrap gap-2">
					{canEdit && session.state === 'planned' ? (
						<Form method="post">
							<button type="submit" name="intent" value="start" className="btn-primary" data-testid="start-live">
								{t('sheet.start')}
							</button>
						</Form>
					) : null}
					{canEdit && session.state === 'live' ? (
						<Form method="post">
							<button type="submit" name="intent" value="end" className="btn-danger" data-testid="end-live">
								{t('sheet.end')}
							</button>
						</Form>
					) : null}
					<Link to={`/live/${session.id}/console`} className="btn-secondary" data-testid="open-console">
						{t('sheet.console')}
					</Link>
					<Link to={`/live/${session.id}/report`} className="btn-secondary">
						{t('sheet.report')}
					</Link>
				</div>
			</header>

			<section className="card space-y-3" aria-labelledby="lineup-title">
				<h2 id="lineup-title" className="text-lg font-semibold">{t('sheet.lineup')}</h2>
				{items.length === 0 ? <p className="text-sm text-stone-600">{t('sheet.noItems')}</p> : null}
				<ol className="space-y-3">
					{items.map((item, index) => (
						<li key={item.id} className="rounded-lg border border-stone-200 p-2" data-testid="lineup-item">
							<p className="font-medium break-words">
								<span className="font-mono">{item.code}</span> · {item.name} · {formatVnd(item.priceVnd, i18n.language === 'en' ? 'en' : 'vi')}
								{session.onScreenItemId === item.id ? <span className="ml-2 rounded bg-red-100 px-1 text-sm text-red-800">{t('sheet.onScreen')}</span> : null}
							</p>
							{canEdit ? (
								<Form method="post" className="mt-2 grid gap-2 sm:grid-cols-3">
										<input type="hidden" name="itemId" value={item.id} />
										<div>
											<label className="field-label" htmlFor={`price-${item.id}`}>{t('sheet.price')}</label>
											<input id={`price-${item.id}`} name="priceVnd" inputMode="numeric" defaultValue={item.priceVnd} className="field-input w-full" />
										</div>
										<div>
											<label className="field-label" htmlFor={`stock-${item.id}`}>{t('sheet.stock')}</label>
											<input id={`stock-${item.id}`} name="stockOpened" inputMode="numeric" defaultValue={item.stockOpened ?? ''} className="field-input w-full" />
										</div>
										<div>
											<label className="field-label" htmlFor={`segment-${item.id}`}>{t('sheet.segmentMinutes')}</label>
											<input id={`segment-${item.id}`} name="segmentMinutes" inputMode="decimal" defaultValue={item.segmentSeconds / 60} className="field-input w-full" />
										</div>
										<div className="sm:col-span-3">
											<label className="field-label" htmlFor={`points-${item.id}`}>{t('sheet.talkingPoints')}</label>
											<textarea id={`points-${item.id}`} name="talkingPoints" rows={5} defaultValue={item.talkingPoints} className="field-input w-full" />
										</div>
										<div className="flex flex-wrap gap-2 sm:col-span-3">
											<button type="submit" name="intent" value="updateItem" className="btn-primary">{t('sheet.saveItem')}</button>
											<button type="submit" name="intent" value="talkingPoints" className="btn-secondary" data-testid="suggest-points">{t('sheet.suggestPoints')}</button>
											<button type="submit" name="intent" value="moveUp" className="btn-secondary" disabled={index === 0} aria-label={t('sheet.moveUp')}>↑</button>
											<button type="submit" name="intent" value="moveDown" className="btn-secondary" disabled={index === items.length - 1} aria-label={t('sheet.moveDown')}>↓</button>
											<button type="submit" name="intent" value="removeItem" className="btn-danger">{t('sheet.removeItem')}</button>
										</div>
									</Form>
							) : (
								<p className="mt-1 text-sm whitespace-pre-line">{item.talkingPoints}</p>
							)}
						</li>
					))}
				</ol>
				{canEdit && addable.length > 0 ? (
					<Form method="post" className="flex flex-wrap items-end gap-2">
						<div className="min-w-0 flex-1">
							<label htmlFor="add-product" className="field-label">{t('sheet.addProduct')}</label>
							<select id="add-product" name="productId" className="field-input w-full">
								{addable.map((product) => (
									<option key={product.id} value={product.id}>
										{product.code} · {product.name}
									</option>
								))}
							</select>
						</div>
						<button type="submit" name="intent" value="addItem" className="btn-primary" data-testid="add-item">{t('sheet.add')}</button>
					</Form>
				) : null}
			</section>

			<section className="card space-y-2" aria-labelledby="checklist-title">
				<h2 id="checklist-title" className="text-lg font-semibold">{t('sheet.checklist')}</h2>
				<ul className="space-y-1">
					{session.checklist.map((entry) => (
						<li key={entry.id} className="flex items-center justify-between gap-2">
							<Form method="post" className="flex min-w-0 flex-1 items-center">
								<input type="hidden" name="id" value={entry.id} />
								<input type="hidden" name="done" value={entry.done ? 'false' : 'true'} />
								<button type="submit" name="intent" value="checklistToggle" disabled={!canEdit} className="flex min-h-11 items-center gap-2 text-left" aria-pressed={entry.done}>
									<span aria-hidden="true" className="text-xl">{entry.done ? '☑' : '☐'}</span>
									<span className={entry.done ? 'line-through' : ''}>{entry.label.startsWith('live:') ? t(entry.label.slice(5)) : entry.label}</span>
								</button>
							</Form>
							{canEdit ? (
								<Form method="post">
									<input type="hidden" name="id" value={entry.id} />
									<button type="submit" name="intent" value="checklistRemove" className="btn-secondary" aria-label={t('sheet.removeCheck')}>×</button>
								</Form>
							) : null}
						</li>
					))}
				</ul>
				{canEdit ? (
					<Form method="post" className="flex gap-2">
						<label htmlFor="check-label" className="sr-only">{t('sheet.newCheck')}</label>
						<input id="check-label" name="label" maxLength={80} placeholder={t('sheet.newCheck')} className="field-input min-w-0 flex-1" />
						<button type="submit" name="intent" value="checklistAdd" className="btn-secondary">{t('sheet.add')}</button>
					</Form>
				) : null}
			</section>

			<section className="card grid gap-3 sm:grid-cols-2" aria-labelledby="links-title">
				<div className="space-y-2">
					<h2 id="links-title" className="text-lg font-semibold">{t('sheet.link')}</h2>
					<p className="text-sm break-all" data-testid="live-link">{link.url}</p>
					<div className="w-40" dangerouslySetInnerHTML={{ __html: link.qrSvg }} role="img" aria-label={t('sheet.qr')} />
				</div>
				<div className="space-y-2">
					<h2 className="text-lg font-semibold">{t('sheet.overlay')}</h2>
					<p className="text-sm text-stone-600">{t('sheet.overlayHint')}</p>
					{overlayUrl ? (
						<ul className="space-y-1 text-sm break-all" data-testid="overlay-links">
							<li><a href={`${overlayUrl}?size=portrait`} target="_blank" rel="noreferrer" className="underline">{t('sheet.portrait')}</a>: {overlayUrl}?size=portrait</li>
							<li><a href={`${overlayUrl}?size=landscape`} target="_blank" rel="noreferrer" className="underline">{t('sheet.landscape')}</a>: {overlayUrl}?size=landscape</li>
						</ul>
					) : session.hasOverlay ? (
						<p className="text-sm">{t('sheet.overlayHidden')}</p>
					) : null}
					{canEdit ? (
						<Form method="post">
							<button type="submit" name="intent" value="rotateOverlay" className="btn-secondary" data-testid="rotate-overlay">
								{session.hasOverlay ? t('sheet.rotateOverlay') : t('sheet.makeOverlay')}
							</button>
						</Form>
					) : null}
				</div>
			</section>

			{canEdit ? (
				<details className="card">
					<summary className="min-h-11 cursor-pointer content-center font-semibold">{t('sheet.details')}</summary>
					<Form method="post" className="mt-2 space-y-3">
						<SessionFields
							withReplay
							pages={pages}
							liveVideos={liveVideos}
							errors={actionData?.errors ?? undefined}
							values={{ title: session.title, day: scheduled?.day ?? '', time: scheduled?.time ?? '20:00', platform: session.platform, channelId: session.channelId, liveVideoId: session.liveVideoId, replayUrl: session.replayUrl }}
						/>
						<button type="submit" name="intent" value="details" className="btn-primary">{t('sheet.saveDetails')}</button>
					</Form>
				</details>
			) : null}
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
