import { Link, useRevalidator } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatBytes, formatDuration } from './format.ts'
import { PlusIcon } from './icons.tsx'
import type { LibraryItem } from './library.server.ts'
import { getUploadQueue, useUploads, type UnfinishedUpload, type UploadEntry } from './upload-queue.ts'

/** What a finished upload became, as the library (reloaded on every media event) knows it. */
type MediaOutcome = Pick<LibraryItem, 'id' | 'status' | 'errorCode' | 'durationMs' | 'fullDurationMs'>

type UploadPanelProps = { maxBytes: number; maxMegapixels: number; library: MediaOutcome[] }

/** The big "choose files" button and one row per file with its progress, problems and choices. */
export function UploadPanel({ maxBytes, maxMegapixels, library }: UploadPanelProps) {
	const { t, i18n } = useTranslation('media')
	const uploads = useUploads()
	const revalidator = useRevalidator()
	const revalidate = useRef(revalidator.revalidate)
	revalidate.current = revalidator.revalidate
	const limits = { size: formatBytes(maxBytes, i18n.language), megapixels: maxMegapixels }
	const outcomes = new Map(library.map((item) => [item.id, item]))

	// The event stream usually announces new media first; this covers a page whose stream is down.
	useEffect(() => getUploadQueue()?.onFinished(() => revalidate.current()), [])

	return (
		<section className="card mb-4" aria-labelledby="upload-title">
			<h2 id="upload-title" className="sr-only">
				{t('upload.title')}
			</h2>
			<label className="btn-primary w-full cursor-pointer py-4 text-base sm:w-auto">
				<input
					type="file"
					multiple
					accept="image/*,video/*,audio/*"
					className="sr-only"
					data-testid="upload-input"
					onChange={(event) => {
						const files = Array.from(event.currentTarget.files ?? [])
						if (files.length) getUploadQueue()?.add(files, { maxBytes })
						event.currentTarget.value = ''
					}}
				/>
				<PlusIcon className="size-6" />
				{t('upload.choose')}
			</label>
			<p className="mt-2 text-sm text-stone-600">
				{t('upload.hint')} {t('upload.limit', { size: limits.size })}
			</p>
			<UnfinishedUploads uploads={uploads} />
			{uploads.length ? (
				<>
					<ul className="mt-3 space-y-2" aria-label={t('upload.listLabel')} data-testid="upload-list">
						{uploads.map((entry) => (
							<UploadRow key={entry.key} entry={entry} limits={limits} outcome={entry.mediaId ? outcomes.get(entry.mediaId) : undefined} />
						))}
					</ul>
					{uploads.some((u) => ['done', 'skipped', 'failed'].includes(u.phase)) ? (
						<button type="button" className="btn-secondary mt-2" onClick={() => getUploadQueue()?.clearFinished()}>
							{t('upload.clearFinished')}
						</button>
					) : null}
				</>
			) : null}
		</section>
	)
}

const PHASE_STYLES: Record<UploadEntry['phase'], string> = {
	checking: 'text-stone-600',
	duplicate: 'text-amber-800',
	waiting: 'text-stone-600',
	uploading: 'text-tea-700',
	stalled: 'text-amber-800',
	paused: 'text-amber-800',
	done: 'text-tea-700',
	failed: 'text-red-700',
	skipped: 'text-stone-500',
}

type UploadRowProps = { entry: UploadEntry; limits: { size: string; megapixels: number }; outcome: MediaOutcome | undefined }

function UploadRow({ entry, limits, outcome }: UploadRowProps) {
	const { t, i18n } = useTranslation('media')
	const queue = getUploadQueue()
	const percent = entry.size ? Math.floor((entry.sentBytes / entry.size) * 100) : 0
	const showBar = ['uploading', 'stalled', 'paused', 'done'].includes(entry.phase)
	return (
		<li className="rounded-lg border border-stone-200 p-3" data-testid="upload-row" data-phase={entry.phase} data-outcome={entry.phase === 'done' ? (outcome?.status ?? 'processing') : undefined}>
			<div className="flex items-baseline justify-between gap-2">
				<span className="min-w-0 truncate font-medium" title={entry.name}>
					{entry.name}
				</span>
				<span className="shrink-0 text-xs text-stone-500">{formatBytes(entry.size, i18n.language)}</span>
			</div>
			<p className={`text-sm ${entry.phase === 'done' && outcome?.status === 'failed' ? 'text-red-700' : PHASE_STYLES[entry.phase]}`} data-testid="upload-phase">
				{entry.phase === 'done' && outcome && outcome.status !== 'processing' ? t(`upload.outcome.${outcome.status}`) : t(`upload.phase.${entry.phase}`)}
				{entry.phase === 'uploading' ? ` · ${t('upload.progress', { sent: formatBytes(entry.sentBytes, i18n.language), total: formatBytes(entry.size, i18n.language), percent })}` : null}
			</p>
			{showBar ? (
				<div
					className="mt-2 h-3 overflow-hidden rounded-full bg-stone-200"
					role="progressbar"
					aria-label={entry.name}
					aria-valuemin={0}
					aria-valuemax={100}
					aria-valuenow={percent}
				>
					<div className={`h-full rounded-full transition-[width] ${entry.phase === 'paused' || entry.phase === 'stalled' ? 'bg-amber-500' : 'bg-tea-600'}`} style={{ width: `${percent}%` }} />
				</div>
			) : null}
			{entry.resumedFrom && entry.size ? (
				<p className="mt-1 text-xs text-stone-600" data-testid="upload-resumed">
					{t('upload.resumedFrom', { percent: Math.floor((entry.resumedFrom / entry.size) * 100) })}
				</p>
			) : null}
			{entry.phase === 'done' && outcome ? <OutcomeNote outcome={outcome} /> : null}
			{entry.errorCode ? (
				<p className="mt-1 text-sm text-red-800" role="alert" data-testid="upload-error">
					{t(`errors.${entry.errorCode}`, { defaultValue: t('errors.unknown'), ...limits })}
				</p>
			) : null}
			<div className="mt-2 flex flex-wrap gap-2">
				{entry.phase === 'duplicate' && entry.existing ? (
					<>
						<Link to={`/library/${entry.existing.id}`} className="btn-secondary">
							{t('upload.duplicateView')}
						</Link>
						<button type="button" className="btn-secondary" onClick={() => queue?.chooseDuplicate(entry.key, false)}>
							{t('upload.duplicateSkip')}
						</button>
						<button type="button" className="btn-primary" onClick={() => queue?.chooseDuplicate(entry.key, true)}>
							{t('upload.duplicateUpload')}
						</button>
					</>
				) : null}
				{entry.phase === 'paused' || entry.phase === 'stalled' ? (
					<button type="button" className="btn-primary" onClick={() => queue?.resume(entry.key)}>
						{t('upload.resume')}
					</button>
				) : null}
				{entry.phase === 'failed' && ['network', 'server-unreachable', 'not-found', 'unknown'].includes(entry.errorCode ?? '') ? (
					<button type="button" className="btn-primary" onClick={() => queue?.resume(entry.key)}>
						{t('upload.retry')}
					</button>
				) : null}
				{['checking', 'waiting', 'uploading', 'stalled', 'paused'].includes(entry.phase) ? (
					<button type="button" className="btn-secondary" onClick={() => queue?.cancel(entry.key)}>
						{t('upload.cancel')}
					</button>
				) : null}
			</div>
		</li>
	)
}

/** Why a file that arrived cannot be used, or how much of it can: the same words as its card. */
function OutcomeNote({ outcome }: { outcome: MediaOutcome }) {
	const { t } = useTranslation('media')
	if (outcome.status === 'failed') {
		return (
			<p className="mt-1 text-sm text-red-800" role="alert" data-testid="upload-outcome">
				{t(`errors.${outcome.errorCode ?? 'processing-error'}`)}
			</p>
		)
	}
	if (outcome.status === 'ready' && outcome.fullDurationMs && outcome.durationMs) {
		return (
			<p className="mt-1 text-sm text-amber-900" data-testid="upload-outcome">
				{t('card.truncated', { usable: formatDuration(outcome.durationMs), full: formatDuration(outcome.fullDurationMs) })}
			</p>
		)
	}
	return null
}

/**
 * After a reload the browser no longer has the files, only tus-js-client's
 * notes of what was sent: list them, so that the person picks each file again
 * and it continues where it stopped.
 */
function UnfinishedUploads({ uploads }: { uploads: UploadEntry[] }) {
	const { t, i18n } = useTranslation('media')
	const [unfinished, setUnfinished] = useState<UnfinishedUpload[]>([])
	useEffect(() => {
		let current = true
		void getUploadQueue()
			?.findUnfinished()
			.then((found) => current && setUnfinished(found))
		return () => {
			current = false
		}
	}, [uploads])
	if (unfinished.length === 0) return null
	return (
		<section className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-3" aria-labelledby="unfinished-title" data-testid="unfinished-uploads">
			<h3 id="unfinished-title" className="font-semibold text-amber-950">
				{t('upload.unfinished.title')}
			</h3>
			<p className="mb-2 text-sm text-amber-950">{t('upload.unfinished.hint')}</p>
			<ul className="space-y-2">
				{unfinished.map((upload) => (
					<li key={upload.storageKey} className="flex flex-wrap items-center justify-between gap-2 text-sm" data-testid="unfinished-upload">
						<span className="min-w-0 truncate font-medium" title={upload.name}>
							{upload.name}
						</span>
						<span className="text-xs text-stone-600">{formatBytes(upload.size, i18n.language)}</span>
						<button
							type="button"
							className="btn-secondary"
							onClick={() => void getUploadQueue()?.forgetUnfinished(upload)}
							aria-label={t('upload.unfinished.forgetNamed', { name: upload.name })}
						>
							{t('upload.unfinished.forget')}
						</button>
					</li>
				))}
			</ul>
		</section>
	)
}
