import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { isActiveRenderStatus } from '~/studio/edits/render-status.ts'
import type { RenderView } from '~/studio/edits/render-view.ts'
import { formatSeconds } from '~/studio/edits/time-format.ts'
import { describeRenderFailure } from '~/studio/spec/render-failure.ts'

type Props = {
	renders: RenderView[]
	/** Progress received live since the page loaded, by render id. */
	liveProgress: Record<string, number>
	canEdit: boolean
	busy: boolean
	onCancel: (renderId: string) => void
	onHandOff: (renderId: string) => void
	/** A still of the video's first shot, shown until the player has loaded a frame. */
	posterUrl?: string
}

/** Every render of this edit, newest first: a live progress bar while it works, the player and download when ready, the reason and next step when it failed. */
export function RendersPanel({ renders, liveProgress, canEdit, busy, onCancel, onHandOff, posterUrl }: Props) {
	const { t } = useTranslation('studio-screen')
	if (renders.length === 0) return <p className="text-sm text-stone-500">{t('renders.none')}</p>
	return (
		<ul className="space-y-3" data-testid="renders">
			{renders.map((render) => (
				<li key={render.id} className="rounded-lg border border-stone-200 p-3" data-testid="render" data-render-id={render.id} data-status={render.status} data-quality={render.quality} data-progress={render.progress}>
					<div className="mb-2 flex flex-wrap items-center gap-2">
						<span className="font-medium">{t(`formats.${render.format}`, { defaultValue: render.format })}</span>
						<span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${render.quality === 'preview' ? 'bg-sky-100 text-sky-800' : 'bg-tea-100 text-tea-900'}`}>
							{t(`renders.quality.${render.quality}`)}
						</span>
						<span className="text-sm text-stone-600" data-testid="render-status">
							{t(`renders.status.${render.status}`)}
						</span>
						{render.reused ? <span className="text-xs text-stone-500">{t('renders.reused')}</span> : null}
					</div>
					{isActiveRenderStatus(render.status) ? (
						<ActiveRender render={render} progress={Math.max(render.progress, liveProgress[render.id] ?? 0)} canEdit={canEdit} busy={busy} onCancel={onCancel} />
					) : null}
					{render.status === 'ready' ? <ReadyRender render={render} canEdit={canEdit} busy={busy} onHandOff={onHandOff} posterUrl={posterUrl} /> : null}
					{render.status === 'failed' ? <FailedRender render={render} /> : null}
				</li>
			))}
		</ul>
	)
}

function ActiveRender({ render, progress, canEdit, busy, onCancel }: { render: RenderView; progress: number; canEdit: boolean; busy: boolean; onCancel: (id: string) => void }) {
	const { t } = useTranslation('studio-screen')
	return (
		<div className="flex items-center gap-3">
			<div
				className="h-3 flex-1 overflow-hidden rounded-full bg-stone-200"
				role="progressbar"
				aria-valuemin={0}
				aria-valuemax={100}
				aria-valuenow={progress}
				aria-label={t('renders.progressLabel')}
				data-testid="render-progress"
			>
				<div className="h-full rounded-full bg-tea-600 transition-[width] duration-500" style={{ width: `${progress}%` }} />
			</div>
			<span className="w-12 text-right text-sm tabular-nums">{progress}%</span>
			{canEdit ? (
				<button type="button" className="btn-secondary" disabled={busy} onClick={() => onCancel(render.id)}>
					{t('renders.cancel')}
				</button>
			) : null}
		</div>
	)
}

function ReadyRender({ render, canEdit, busy, onHandOff, posterUrl }: { render: RenderView; canEdit: boolean; busy: boolean; onHandOff: (id: string) => void; posterUrl?: string }) {
	const { t } = useTranslation('studio-screen')
	const fileUrl = `/studio/renders/${render.id}/file`
	const meta = render.metadata
	return (
		<div className="space-y-2">
			<video src={fileUrl} poster={posterUrl} controls playsInline preload="metadata" className="max-h-[60vh] w-full rounded-lg bg-black" data-testid="render-player" />
			<div className="flex flex-wrap items-center gap-2">
				<a className="btn-primary" href={`${fileUrl}?download=1`} download data-testid="render-download">
					{t('renders.download')}
				</a>
				{meta ? (
					<span className="text-sm text-stone-600">
						{t('renders.facts', {
							width: meta.width,
							height: meta.height,
							length: formatSeconds(meta.durationMs / 1000),
							megabytes: (meta.sizeBytes / 1024 / 1024).toFixed(1),
						})}
					</span>
				) : null}
			</div>
			{render.quality === 'final' ? (
				render.handedOffAt ? (
					<div className="flex flex-wrap items-center gap-2">
						<p className="rounded-lg bg-tea-50 p-2 text-sm font-medium text-tea-900" data-testid="handed-off">
							{t('renders.readyForScheduling')}
						</p>
						{canEdit ? (
							<Link className="btn-primary" to={`/posts/new?renderId=${render.id}`} data-testid="schedule-render">
								{t('posts:fromStudio.schedule')}
							</Link>
						) : null}
					</div>
				) : canEdit ? (
					<button type="button" className="btn-secondary" disabled={busy} onClick={() => onHandOff(render.id)}>
						{t('renders.handOff')}
					</button>
				) : null
			) : null}
		</div>
	)
}

function FailedRender({ render }: { render: RenderView }) {
	const { t } = useTranslation('studio-screen')
	const sentences = describeRenderFailure(render.failure ?? { code: 'unexpected' }, t)
	return (
		<div className="rounded-lg bg-red-50 p-3 text-sm text-red-800" role="alert" data-testid="render-error">
			<p>{sentences[0]}</p>
			{sentences.length > 1 ? (
				<ul className="mt-1 list-disc space-y-1 pl-5">
					{sentences.slice(1).map((sentence, i) => (
						<li key={i}>{sentence}</li>
					))}
				</ul>
			) : null}
		</div>
	)
}
