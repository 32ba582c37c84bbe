import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useFetcher, useLoaderData } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CopyButton } from '~/accounts/share-buttons.tsx'
import { useCan } from '~/accounts/use-can.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { fillReply, itemsTyped, parseItemsTyped } from '~/live/intent-decisions.ts'
import {
	confirmIntent,
	editIntent,
	hideComment,
	loadConsole,
	mergeIntents,
	pasteComments,
	rejectIntent,
	replyPrivately,
	setOnScreen,
} from '~/live/live-console.server.ts'
import { orNotFound } from '~/live/not-found.server.ts'
import { findMobiles } from '~/live/phones-in-text.ts'
import { formatClock, segmentClock } from '~/live/segment-timer.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { getT } from '~/utils/language.server.ts'
import { formatVnd } from '~/utils/money.ts'
import { useRevalidateOnCoopEvents } from '~/utils/use-coop-events.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:live')
	const [{ t }, view] = await Promise.all([getT(request), orNotFound(loadConsole(coopId, params.sessionId!))])
	return { ...view, pageTitle: `${view.session.title} · ${t('live:console.title')}` }
}

const text = (form: FormData, name: string) => {
	const value = form.get(name)
	return typeof value === 'string' ? value : ''
}
const version = (form: FormData, name = 'version') => {
	const value = Number(text(form, name))
	return Number.isInteger(value) && value >= 0 ? value : -1
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { coopId, userId } = await requireCoopPermission(request, 'update:live')
	const sessionId = params.sessionId!
	const form = await request.formData()
	const answer = (outcome: unknown) => data({ outcome }, { headers: { 'cache-control': 'no-store' } })
	return dispatchIntent(form, {
		confirm: async () => answer(await orNotFound(confirmIntent(coopId, sessionId, text(form, 'intentId'), version(form), userId))),
		reject: async () => answer(await orNotFound(rejectIntent(coopId, sessionId, text(form, 'intentId'), version(form), userId))),
		merge: async () =>
			answer(
				await orNotFound(
					mergeIntents(coopId, sessionId, { id: text(form, 'keepId'), version: version(form, 'keepVersion') }, { id: text(form, 'otherId'), version: version(form, 'otherVersion') }, userId),
				),
			),
		edit: async () => {
			const items = parseItemsTyped(text(form, 'items'))
			if (!items) return answer({ ok: false, reason: 'empty' })
			return answer(await orNotFound(editIntent(coopId, sessionId, text(form, 'intentId'), version(form), { items, phone: text(form, 'phone'), name: text(form, 'name') })))
		},
		onScreen: async () => {
			await orNotFound(setOnScreen(coopId, sessionId, text(form, 'itemId')))
			return answer({ ok: true })
		},
		hide: async () => answer(await orNotFound(hideComment(coopId, sessionId, text(form, 'commentId')))),
		reply: async () => answer(await orNotFound(replyPrivately(coopId, sessionId, text(form, 'commentId'), text(form, 'message')))),
		paste: async () => answer(await orNotFound(pasteComments(coopId, sessionId, text(form, 'text')))),
	})
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? 'Livestream'} · Co-op Studio` }]

type ConsoleData = ReturnType<typeof useLoaderData<typeof loader>>
type IntentView = ConsoleData['pending'][number]['intents'][number]
type Outcome = { ok: boolean; reason?: string; by?: string | null; codes?: string[]; oversold?: string[]; orderNumber?: number; detail?: string }

function useNow(everyMs: number) {
	const [now, setNow] = useState(() => new Date())
	useEffect(() => {
		const timer = setInterval(() => setNow(new Date()), everyMs)
		return () => clearInterval(timer)
	}, [everyMs])
	return now
}

/** What an action's answer means for people, or null when there is nothing to say. */
function OutcomeLine({ outcome }: { outcome: Outcome | undefined }) {
	const { t } = useTranslation('live')
	if (!outcome) return null
	if (outcome.ok) {
		if (outcome.oversold?.length) return <p role="status" className="text-sm text-amber-800">{t('console.oversoldAfter', { codes: outcome.oversold.join(', ') })}</p>
		return outcome.orderNumber ? <p role="status" className="text-sm text-green-800">{t('console.orderMade', { number: outcome.orderNumber })}</p> : null
	}
	return (
		<p role="alert" className="text-sm text-red-800" data-testid="decision-refused">
			{t(`console.refused.${outcome.reason ?? 'changed'}`, { by: outcome.by ?? t('console.someone'), codes: outcome.codes?.join(', ') ?? '' })}
		</p>
	)
}

export default function ConsolePage() {
	const view = useLoaderData<typeof loader>()
	const { session, lineup, stock, comments, pending, decided } = view
	const { t, i18n } = useTranslation('live')
	const may = useCan()
	const canAct = may('update:live')
	const lng = i18n.language === 'en' ? 'en' : 'vi'
	useRevalidateOnCoopEvents(
		(event) =>
			((event.type === 'live.comment' || event.type === 'live.intent.updated' || event.type === 'live.session.updated') && event.sessionId === session.id) ||
			(event.type === 'order.created' && event.source === 'live'),
		150,
	)
	const onScreen = lineup.find((item) => item.id === session.onScreenItemId) ?? null
	const stockOf = new Map(stock.map((line) => [line.code, line]))
	return (
		<div className="mx-auto max-w-6xl space-y-3" data-testid="live-console">
			<header className="flex flex-wrap items-center justify-between gap-2">
				<div className="min-w-0">
					<p className="text-sm">
						<Link to={`/live/${session.id}`} className="underline">{t('console.runSheet')}</Link>
					</p>
					<h1 className="text-xl font-bold break-words">{session.title}</h1>
				</div>
				<span className="rounded bg-stone-100 px-2 py-1 text-sm" data-testid="console-state">{t(`state.${session.state}`)}</span>
			</header>

			<section className="card space-y-2" aria-labelledby="on-screen-title">
				<h2 id="on-screen-title" className="font-semibold">{t('console.onScreen')}</h2>
				{onScreen ? <SegmentTimer startedAt={onScreen.startedAt} segmentSeconds={onScreen.segmentSeconds} /> : null}
				<div className="flex flex-wrap gap-2">
					{lineup.map((item) => {
						const line = stockOf.get(item.code)
						return (
							<OnScreenButton key={item.id} itemId={item.id} active={item.id === session.onScreenItemId} disabled={!canAct}>
								<span className="font-mono font-bold">{item.code}</span>
								<span className="text-xs" data-testid={`stock-${item.code}`}>
									{line?.opened === null || line?.opened === undefined ? t('console.soldOnly', { sold: line?.sold ?? 0 }) : t('console.soldOf', { sold: line.sold, opened: line.opened })}
								</span>
								{line?.oversold ? <span className="text-xs font-bold text-red-700">{t('console.oversold')}</span> : null}
							</OnScreenButton>
						)
					})}
				</div>
				{onScreen?.talkingPoints ? (
					<details>
						<summary className="min-h-11 cursor-pointer content-center text-sm">{t('console.points')}</summary>
						<p className="text-sm whitespace-pre-line">{onScreen.talkingPoints}</p>
					</details>
				) : null}
			</section>

			<div className="grid gap-3 lg:grid-cols-2">
				<section className="card space-y-2" aria-labelledby="pending-title">
					<h2 id="pending-title" className="font-semibold">
						{t('console.pending')} <span className="text-stone-600">({pending.reduce((n, g) => n + g.intents.length, 0)})</span>
					</h2>
					{pending.length === 0 ? <p className="text-sm text-stone-600">{t('console.noPending')}</p> : null}
					<ul className="space-y-2" data-testid="pending-list">
						{pending.map((group) => (
							<li key={group.viewerKey} className="rounded-lg border border-amber-300 bg-amber-50 p-2" data-testid="viewer-group">
								<p className="font-medium break-words">{group.viewerName || group.viewerKey}</p>
								<ul className="space-y-2">
									{group.intents.map((intent, index) => (
										<PendingIntent key={intent.id} intent={intent} mergeWith={index > 0 ? group.intents[0]! : null} lineup={lineup} canAct={canAct} lng={lng} />
									))}
								</ul>
							</li>
						))}
					</ul>
				</section>

				<section className="card space-y-2" aria-labelledby="feed-title">
					<h2 id="feed-title" className="font-semibold">{t('console.feed')}</h2>
					{canAct ? <PasteBox /> : null}
					<ul className="max-h-[60vh] space-y-1 overflow-y-auto" data-testid="comment-feed">
						{comments.map((comment) => (
							<CommentRow key={comment.id} comment={comment} canAct={canAct} facebook={session.platform === 'facebook'} />
						))}
					</ul>
				</section>
			</div>

			<section className="card space-y-2" aria-labelledby="decided-title">
				<h2 id="decided-title" className="font-semibold">{t('console.decided')}</h2>
				<ul className="space-y-2" data-testid="decided-list">
					{decided.map((intent) => (
						<DecidedIntent key={intent.id} intent={intent} lineup={lineup} lng={lng} />
					))}
				</ul>
			</section>
		</div>
	)
}

function SegmentTimer({ startedAt, segmentSeconds }: { startedAt: string | Date | null; segmentSeconds: number }) {
	const { t } = useTranslation('live')
	const now = useNow(1000)
	const clock = segmentClock(startedAt ? new Date(startedAt) : null, segmentSeconds, now)
	return clock.overrunSeconds > 0 ? (
		<p className="text-lg font-bold text-red-700 tabular-nums" data-testid="segment-timer" suppressHydrationWarning>{t('console.overrun', { time: formatClock(clock.overrunSeconds) })}</p>
	) : (
		<p className="text-lg font-bold tabular-nums" data-testid="segment-timer" suppressHydrationWarning>{t('console.timeLeft', { time: formatClock(clock.leftSeconds) })}</p>
	)
}

function OnScreenButton({ itemId, active, disabled, children }: { itemId: string; active: boolean; disabled: boolean; children: React.ReactNode }) {
	const fetcher = useFetcher()
	return (
		<fetcher.Form method="post">
			<input type="hidden" name="itemId" value={itemId} />
			<button
				type="submit"
				name="intent"
				value="onScreen"
				disabled={disabled}
				aria-pressed={active}
				className={`flex min-h-11 min-w-16 flex-col items-center rounded-lg border px-3 py-1 ${active ? 'border-red-600 bg-red-600 text-white' : 'border-stone-300 bg-white'}`}
			>
				{children}
			</button>
		</fetcher.Form>
	)
}

function itemsLine(items: Array<{ code: string; qty: number }>, lineup: ConsoleData['lineup'], lng: 'vi' | 'en') {
	const byCode = new Map(lineup.map((item) => [item.code, item]))
	const total = items.reduce((sum, item) => sum + (byCode.get(item.code)?.priceVnd ?? 0) * item.qty, 0)
	const words = items.map((item) => `${item.qty} ${byCode.get(item.code)?.unit ?? ''} ${item.code}`.replace(/\s+/g, ' ')).join(', ')
	return { words, total: formatVnd(total, lng) }
}

function PendingIntent({ intent, mergeWith, lineup, canAct, lng }: { intent: IntentView; mergeWith: IntentView | null; lineup: ConsoleData['lineup']; canAct: boolean; lng: 'vi' | 'en' }) {
	const { t } = useTranslation('live')
	// Keyed by the intent: once decided it moves to the "handled" list, which shows this answer on.
	const fetcher = useFetcher<{ outcome: Outcome }>({ key: `intent-${intent.id}` })
	const [editing, setEditing] = useState(false)
	const { words, total } = itemsLine(intent.items, lineup, lng)
	const busy = fetcher.state !== 'idle'
	return (
		<li className="space-y-1 border-t border-amber-200 pt-2 first:border-0 first:pt-0" data-testid="pending-intent" data-intent-id={intent.id}>
			<p className="text-sm">
				<span className="font-medium">{words}</span> · {total}
				{intent.phone ? <span className="ml-1 font-mono">{intent.phone}</span> : <span className="ml-1 text-amber-800">{t('console.noPhone')}</span>}
			</p>
			{canAct ? (
				<div className="flex flex-wrap gap-2">
					<fetcher.Form method="post">
						<input type="hidden" name="intentId" value={intent.id} />
						<input type="hidden" name="version" value={intent.version} />
						<button type="submit" name="intent" value="confirm" className="btn-primary" disabled={busy} data-testid="confirm-intent">{t('console.confirm')}</button>
					</fetcher.Form>
					{mergeWith ? (
						<fetcher.Form method="post">
							<input type="hidden" name="keepId" value={mergeWith.id} />
							<input type="hidden" name="keepVersion" value={mergeWith.version} />
							<input type="hidden" name="otherId" value={intent.id} />
							<input type="hidden" name="otherVersion" value={intent.version} />
							<button type="submit" name="intent" value="merge" className="btn-secondary" disabled={busy} data-testid="merge-intent">{t('console.merge')}</button>
						</fetcher.Form>
					) : null}
					<button type="button" className="btn-secondary" onClick={() => setEditing((on) => !on)} aria-expanded={editing}>{t('console.edit')}</button>
					<fetcher.Form method="post">
						<input type="hidden" name="intentId" value={intent.id} />
						<input type="hidden" name="version" value={intent.version} />
						<button type="submit" name="intent" value="reject" className="btn-danger" disabled={busy} data-testid="reject-intent">{t('console.reject')}</button>
					</fetcher.Form>
				</div>
			) : null}
			{editing && canAct ? (
				<fetcher.Form method="post" className="grid gap-2 sm:grid-cols-3" onSubmit={() => setEditing(false)}>
					<input type="hidden" name="intentId" value={intent.id} />
					<input type="hidden" name="version" value={intent.version} />
					<div>
						<label className="field-label" htmlFor={`items-${intent.id}`}>{t('console.items')}</label>
						<input id={`items-${intent.id}`} name="items" defaultValue={itemsTyped(intent.items)} className="field-input w-full" />
					</div>
					<div>
						<label className="field-label" htmlFor={`phone-${intent.id}`}>{t('console.phone')}</label>
						<input id={`phone-${intent.id}`} name="phone" type="tel" defaultValue={intent.phone ?? ''} className="field-input w-full" />
					</div>
					<div>
						<label className="field-label" htmlFor={`name-${intent.id}`}>{t('console.name')}</label>
						<input id={`name-${intent.id}`} name="name" defaultValue={intent.viewerName} className="field-input w-full" />
					</div>
					<button type="submit" name="intent" value="edit" className="btn-primary sm:col-span-3">{t('console.saveEdit')}</button>
				</fetcher.Form>
			) : null}
			<OutcomeLine outcome={fetcher.data?.outcome} />
		</li>
	)
}

function DecidedIntent({ intent, lineup, lng }: { intent: ConsoleData['decided'][number]; lineup: ConsoleData['lineup']; lng: 'vi' | 'en' }) {
	const { t } = useTranslation('live')
	const decision = useFetcher<{ outcome: Outcome }>({ key: `intent-${intent.id}` })
	const byCode = new Map(lineup.map((item) => [item.code, item]))
	const first = intent.items[0]
	const { words, total } = itemsLine(intent.items, lineup, lng)
	const reply =
		intent.state === 'confirmed' && first
			? fillReply(t('replies.confirmed'), {
					name: intent.viewerName,
					qty: String(first.qty),
					unit: byCode.get(first.code)?.unit ?? '',
					product: byCode.get(first.code)?.name ?? first.code,
					total: intent.order ? formatVnd(intent.order.totalVnd, lng) : total,
				})
			: null
	return (
		<li className="rounded-lg border border-stone-200 p-2 text-sm" data-testid="decided-intent" data-intent-id={intent.id}>
			<p className="break-words">
				<span className="font-medium">{intent.viewerName || intent.viewerKey}</span> · {words} · {t(`intentState.${intent.state}`)}
				{intent.decidedBy ? ` · ${t('console.by', { name: intent.decidedBy })}` : ''}
				{intent.order ? ` · ${t('console.orderNumber', { number: intent.order.number })}` : ''}
			</p>
			{reply ? (
				<div className="mt-1 flex flex-wrap items-center gap-2">
					<p className="min-w-0 flex-1 text-stone-700">{reply}</p>
					<CopyButton text={reply} label={t('console.copyReply')} />
				</div>
			) : null}
			<OutcomeLine outcome={decision.data?.outcome} />
		</li>
	)
}

function CommentRow({ comment, canAct, facebook }: { comment: ConsoleData['comments'][number]; canAct: boolean; facebook: boolean }) {
	const { t } = useTranslation('live')
	const fetcher = useFetcher<{ outcome: Outcome }>()
	const [replying, setReplying] = useState(false)
	const showsPhone = findMobiles(comment.text).length > 0
	const isOrder = comment.intent === 'order'
	return (
		<li className={`rounded p-1 text-sm ${isOrder ? 'border-l-4 border-green-600 bg-green-50' : ''} ${comment.hidden ? 'opacity-60' : ''}`} data-testid="comment" data-intent={comment.intent}>
			<p className="break-words">
				<span className="font-medium">{comment.author}</span>: {comment.text}
				{comment.hidden ? <span className="ml-1 text-xs">({t('console.hidden')})</span> : null}
			</p>
			{canAct ? (
				<div className="flex flex-wrap gap-2">
					{showsPhone && !comment.hidden ? (
						<fetcher.Form method="post">
							<input type="hidden" name="commentId" value={comment.id} />
							<button type="submit" name="intent" value="hide" className="btn-secondary text-xs" data-testid="hide-comment">{t('console.hide')}</button>
						</fetcher.Form>
					) : null}
					{facebook && !comment.repliedAt ? (
						<button type="button" className="btn-secondary text-xs" onClick={() => setReplying((on) => !on)} aria-expanded={replying}>{t('console.replyPrivately')}</button>
					) : null}
					{comment.repliedAt ? <span className="text-xs text-stone-600">{t('console.replied')}</span> : null}
				</div>
			) : null}
			{replying && !comment.repliedAt ? (
				<fetcher.Form method="post" className="mt-1 flex gap-2" onSubmit={() => setReplying(false)}>
					<input type="hidden" name="commentId" value={comment.id} />
					<label htmlFor={`reply-${comment.id}`} className="sr-only">{t('console.replyPrivately')}</label>
					<input id={`reply-${comment.id}`} name="message" required defaultValue={t('replies.private', { name: comment.author })} className="field-input min-w-0 flex-1" />
					<button type="submit" name="intent" value="reply" className="btn-primary">{t('console.send')}</button>
				</fetcher.Form>
			) : null}
			<OutcomeLine outcome={fetcher.data?.outcome} />
		</li>
	)
}

function PasteBox() {
	const { t } = useTranslation('live')
	const fetcher = useFetcher<{ outcome: { ok: boolean; added?: number; reason?: string } }>()
	const outcome = fetcher.data?.outcome
	return (
		<details>
			<summary className="min-h-11 cursor-pointer content-center text-sm">{t('console.paste')}</summary>
			<fetcher.Form method="post" className="space-y-2">
				<label htmlFor="paste-text" className="sr-only">{t('console.paste')}</label>
				<textarea id="paste-text" name="text" rows={4} className="field-input w-full" placeholder={t('console.pasteHint')} />
				<button type="submit" name="intent" value="paste" className="btn-secondary">{t('console.pasteSend')}</button>
				{outcome ? (
					<p role="status" className="text-sm">
						{outcome.ok ? t('console.pasted', { count: outcome.added ?? 0 }) : t('console.captureMissing')}
					</p>
				) : null}
			</fetcher.Form>
		</details>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
