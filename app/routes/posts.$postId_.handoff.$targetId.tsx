import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { useCan } from '~/accounts/use-can.ts'
import { getCoopSummary } from '~/accounts/coop-profile.server.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { loadHandoff, markTargetPosted } from '~/publishing/posts.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { formatDateTime } from '~/utils/coop-time.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'

// The ready package for a manual channel (a Zalo group, a Facebook group, a
// marketplace): on a phone one tap copies the caption and opens the system
// share sheet with the file itself; elsewhere, download and copy. Then the
// person says it is posted, with its address if they have it.

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:post')
	const [handoff, coop] = await Promise.all([loadHandoff(coopId, params.postId!, params.targetId!), getCoopSummary(coopId)])
	return { handoff, timeZone: coop.timezone }
}

const markSchema = z.object({ postUrl: z.string().trim().url('posts:errors.postUrlInvalid').optional().or(z.literal('').transform(() => undefined)) })

export async function action({ request, params }: ActionFunctionArgs) {
	const form = await request.formData()
	return dispatchIntent(form, {
		markPosted: async () => {
			const { coopId, userId } = await requireCoopPermission(request, 'publish:post')
			const parsed = markSchema.safeParse(Object.fromEntries(form))
			if (!parsed.success) return data({ problem: 'posts:errors.postUrlInvalid' }, { status: 400 })
			const result = await markTargetPosted(coopId, params.postId!, params.targetId!, userId, parsed.data.postUrl ?? null)
			if (!result.ok) return data({ problem: result.problem }, { status: 409 })
			return redirectWithToast(request, `/posts/${params.postId}`, { kind: 'success', key: 'posts:toasts.markedPosted' })
		},
	})
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.handoff.channel.name ?? 'Package'} · Co-op Studio` }]

type ShareState = 'unsupported' | 'preparing' | 'ready' | 'shared' | 'failed'

export default function HandoffPage() {
	const { handoff, timeZone } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t, i18n } = useTranslation('posts')
	const may = useCan()
	const navigation = useNavigation()
	const [copied, setCopied] = useState(false)
	const [share, setShare] = useState<ShareState>('unsupported')
	const [files, setFiles] = useState<File[] | null>(null)
	const fullText = handoff.link && !handoff.text.includes(handoff.link) ? `${handoff.text}\n${handoff.link}` : handoff.text

	// Files are fetched ahead on a device that can share them, so that the tap
	// itself opens the share sheet (browsers allow it only right after a tap).
	useEffect(() => {
		const probe = new File([new Blob()], handoff.files[0]?.name ?? 'x', { type: handoff.files[0]?.type ?? 'video/mp4' })
		if (typeof navigator.canShare !== 'function' || !navigator.canShare({ files: [probe] })) return
		setShare('preparing')
		let cancelled = false
		Promise.all(
			handoff.files.map(async (file) => {
				const answer = await fetch(file.url)
				if (!answer.ok) throw new Error(`HTTP ${answer.status}`)
				return new File([await answer.blob()], file.name, { type: file.type })
			}),
		).then(
			(ready) => {
				if (cancelled) return
				setFiles(ready)
				setShare(navigator.canShare({ files: ready }) ? 'ready' : 'unsupported')
			},
			() => !cancelled && setShare('unsupported'),
		)
		return () => {
			cancelled = true
		}
	}, [handoff.files])

	async function copyText() {
		try {
			await navigator.clipboard.writeText(fullText)
			setCopied(true)
		} catch {
			setCopied(false)
		}
	}

	async function shareFiles() {
		if (!files) return
		// The caption is copied first: many apps drop the text of a share that carries files.
		await copyText()
		try {
			await navigator.share({ files, text: fullText })
			setShare('shared')
		} catch (error) {
			setShare((error as Error).name === 'AbortError' ? 'ready' : 'failed')
		}
	}

	return (
		<div className="mx-auto max-w-xl space-y-4" data-testid="handoff">
			<Link to={`/posts/${handoff.post.id}`} className="text-sm text-tea-700 underline">
				{t('backToPost')}
			</Link>
			<h1 className="text-2xl font-bold">{t('handoff.title', { channel: handoff.channel.name })}</h1>
			<p className="text-stone-700">
				{t(`manualKinds.${handoff.channel.manualKind ?? 'other'}`, { defaultValue: t('manualKinds.other') })}
				{handoff.target.dueAt ? ` · ${t('post.dueAt', { when: formatDateTime(new Date(handoff.target.dueAt), i18n.language, timeZone) })}` : ''}
			</p>
			{handoff.channel.address ? (
				<a href={handoff.channel.address} className="block break-all text-tea-700 underline" target="_blank" rel="noreferrer">
					{t('handoff.openPlace')}
				</a>
			) : null}
			{actionData?.problem ? (
				<p className="rounded-lg bg-red-50 p-3 text-red-800" role="alert">
					{t(actionData.problem)}
				</p>
			) : null}

			<section className="card space-y-3">
				<h2 className="text-lg font-bold">{t('handoff.step1')}</h2>
				{share !== 'unsupported' ? (
					<button type="button" className="btn-primary w-full text-lg" onClick={shareFiles} disabled={share === 'preparing'} data-testid="share">
						{share === 'preparing' ? t('handoff.preparing') : t('handoff.share')}
					</button>
				) : null}
				{share === 'shared' ? <p className="text-sm text-tea-900">{t('handoff.sharedHint')}</p> : null}
				{share === 'failed' ? <p className="text-sm text-red-800">{t('handoff.shareFailed')}</p> : null}
				<div className="space-y-2">
					{handoff.files.map((file) => (
						<a key={file.url} href={`${file.url}?download=1`} download={file.name} className="btn-secondary flex w-full justify-center" data-testid="download">
							{t('handoff.download', { name: file.name })}
						</a>
					))}
				</div>
			</section>

			<section className="card space-y-2">
				<h2 className="text-lg font-bold">{t('handoff.step2')}</h2>
				<p className="max-h-72 overflow-y-auto rounded-lg bg-stone-50 p-2 text-sm break-words whitespace-pre-wrap" data-testid="package-text">
					{fullText}
				</p>
				<button type="button" className="btn-secondary w-full" onClick={copyText} data-testid="copy">
					{copied ? t('handoff.copied') : t('handoff.copy')}
				</button>
				{handoff.link ? (
					<p className="text-sm break-all text-stone-700">
						{t('handoff.link')}: <a href={handoff.link} className="text-tea-700 underline">{handoff.link}</a>
					</p>
				) : null}
			</section>

			<section className="card space-y-2">
				<h2 className="text-lg font-bold">{t('handoff.step3')}</h2>
				{handoff.target.state === 'published' ? (
					<p className="text-tea-900" data-testid="posted">
						{t('handoff.alreadyPosted')}
					</p>
				) : may('publish:post') ? (
					<Form method="post" className="space-y-2">
						<input type="hidden" name="intent" value="markPosted" />
						<label className="block">
							<span className="field-label">{t('handoff.postUrl')}</span>
							<input type="url" name="postUrl" inputMode="url" className="field-input" placeholder="https://" />
						</label>
						<button type="submit" className="btn-primary w-full" disabled={navigation.state !== 'idle'} data-testid="mark-posted">
							{t('handoff.markPosted')}
						</button>
					</Form>
				) : (
					<p className="text-sm text-stone-700">{t('handoff.editorsMark')}</p>
				)}
			</section>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
