import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useFetcher, useLoaderData, useSearchParams } from '@remix-run/react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { can } from '~/accounts/permissions.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { isActiveCaptionTimingStatus } from '~/studio/captions/caption-timing-status.ts'
import type { CaptionLine } from '~/studio/captions/schema.ts'
import { isTranscriptionConfigured } from '~/studio/captions/transcribe.server.ts'
import { pendingCaptionTiming } from '~/studio/edits/caption-timings.server.ts'
import { NO_HINTS } from '~/studio/edits/clip-hints.ts'
import { loadEditorData } from '~/studio/edits/editor-data.server.ts'
import * as draftOps from '~/studio/edits/editor-state.ts'
import { describeEditIssue } from '~/studio/edits/issue-messages.ts'
import { formatSeconds } from '~/studio/edits/time-format.ts'
import { useCaptionTiming } from '~/studio/edits/use-caption-timing.ts'
import { useRenderEvents } from '~/studio/edits/use-render-events.ts'
import type { EditSpec, TimelineItem } from '~/studio/spec/edit-spec.ts'
import { OUTPUT_FORMATS } from '~/studio/spec/formats.ts'
import { timelineSeconds } from '~/studio/spec/timing.ts'
import { describeTemplateMessage } from '~/studio/templates/index.ts'
import { readNoteSearchParams } from '~/studio/templates/note-params.ts'
import { requireCoopMember } from '~/utils/auth.server.ts'
import { EDITOR_INTENT_PERMISSIONS, runEditorAction, type EditorActionData } from './actions.server.ts'
import { CaptionsPanel } from './captions-panel.tsx'
import { ClipPanel } from './clip-panel.tsx'
import { ConflictNotice } from './conflict-notice.tsx'
import { FormatsPanel } from './formats-panel.tsx'
import { PhotoPanel, TitlePanel } from './item-options.tsx'
import { MediaPicker } from './media-picker.tsx'
import { MusicPanel } from './music-panel.tsx'
import { OverlaysPanel } from './overlays-panel.tsx'
import { RendersPanel } from './renders-panel.tsx'
import { TimelineList } from './timeline-list.tsx'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId, userId, role } = await requireCoopMember(request, 'viewer')
	const editor = await loadEditorData(coopId, params.editId!)
	const captionTiming = await pendingCaptionTiming(coopId, params.editId!, userId)
	return {
		...editor,
		captionTiming,
		canEdit: can(role, EDITOR_INTENT_PERMISSIONS.save),
		canDelete: can(role, EDITOR_INTENT_PERMISSIONS.delete),
		transcriptionAvailable: isTranscriptionConfigured(),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	return runEditorAction(request, params.editId!)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.edit.title ?? 'Studio'} · Co-op Studio` }]

export default function EditorPage() {
	const loaded = useLoaderData<typeof loader>()
	const { t } = useTranslation('studio-screen')
	const { canEdit, canDelete } = loaded
	const [spec, setSpec] = useState<EditSpec>(loaded.spec as EditSpec)
	const [title, setTitle] = useState(loaded.edit.title)
	// What the server has: the screen is "unsaved" while the draft differs from it.
	const [saved, setSaved] = useState({ spec, title })
	const pending = useRef(saved)
	const dirty = spec !== saved.spec || title !== saved.title
	// The stored revision this screen's draft starts from. Only this screen's own saves move it:
	// the loader's newer revision after someone else's save must not make the next save win silently.
	const [revision, setRevision] = useState(loaded.edit.revision)
	const [selected, setSelected] = useState<number | null>(spec.timeline.length > 0 ? 0 : null)
	const [pickerOpen, setPickerOpen] = useState(false)
	const liveProgress = useRenderEvents(loaded.edit.id)

	const saver = useFetcher<EditorActionData>()
	const renderer = useFetcher<EditorActionData>()
	const captioner = useFetcher<EditorActionData>()
	const renderAction = useFetcher<EditorActionData>()

	// The newest answer decides what problems are shown: a later success clears an earlier failure.
	const [lastAnswer, setLastAnswer] = useState<EditorActionData | null>(null)
	const acceptSaved = (answer: EditorActionData) => {
		setSaved(pending.current)
		if (answer.revision !== undefined) setRevision(answer.revision)
	}
	useEffect(() => {
		if (!saver.data) return
		setLastAnswer(saver.data)
		if (saver.data.saved) acceptSaved(saver.data)
	}, [saver.data])
	useEffect(() => {
		if (!renderer.data) return
		setLastAnswer(renderer.data)
		if (renderer.data.saved) acceptSaved(renderer.data)
	}, [renderer.data])
	useEffect(() => {
		if (renderAction.data) setLastAnswer(renderAction.data)
	}, [renderAction.data])
	// Timed caption lines from the caption-timing worker replace the current ones.
	const captionTiming = useCaptionTiming(loaded.captionTiming, (lines) => setSpec((current) => draftOps.setCaptionLines(current, lines)))
	useEffect(() => {
		if (captioner.data?.captionTiming) captionTiming.follow(captioner.data.captionTiming)
	}, [captioner.data])
	const timing = captionTiming.timing

	const change = (next: EditSpec) => setSpec(next)
	const mediaById = useMemo(() => new Map(loaded.media.map((m) => [m.id, m])), [loaded.media])
	const mediaNames = useMemo(() => Object.fromEntries(loaded.media.map((m) => [m.id, m.displayName])), [loaded.media])
	const frame = OUTPUT_FORMATS[spec.output.formats[0]]
	const total = timelineSeconds(spec)
	const item = selected !== null ? spec.timeline[selected] : undefined

	const submitWithSpec = (fetcher: typeof saver, fields: Record<string, string>) => {
		if (fetcher !== captioner) pending.current = { spec, title }
		fetcher.submit({ revision: String(revision), ...fields, title, spec: JSON.stringify(spec) }, { method: 'post' })
	}
	const lastProblem = lastAnswer && !lastAnswer.ok ? lastAnswer : null
	const working = renderer.state !== 'idle' || saver.state !== 'idle'

	return (
		<div className="pb-24 lg:pb-0">
			<div className="mb-3 flex flex-wrap items-center gap-2">
				<Link to="/studio" className="text-sm text-tea-700 underline">
					{t('editor.back')}
				</Link>
				{loaded.edit.product ? <span className="text-sm text-stone-500">{loaded.edit.product.name}</span> : null}
			</div>
			<div className="mb-4 flex flex-wrap items-center gap-2">
				{canEdit ? (
					<h1 className="sr-only">{title}</h1>
				) : null}
				{canEdit ? (
					<input
						className="field-input max-w-xl text-lg font-bold"
						value={title}
						aria-label={t('editor.titleLabel')}
						maxLength={120}
						onChange={(event) => setTitle(event.target.value)}
					/>
				) : (
					<h1 className="text-2xl font-bold">{title}</h1>
				)}
				<span className="text-sm text-stone-600" data-testid="edit-length">
					{t('editor.length', { length: formatSeconds(total) })}
				</span>
				{canEdit ? (
					<span className="text-sm text-stone-500" data-testid="save-state">
						{saver.state !== 'idle' ? t('editor.saving') : dirty ? t('editor.unsaved') : t('editor.saved')}
					</span>
				) : null}
			</div>

			<TemplateNotes />
			{lastProblem?.conflict ? (
				<ConflictNotice
					editId={loaded.edit.id}
					currentRevision={lastProblem.currentRevision!}
					busy={working}
					onSaveMine={() => submitWithSpec(saver, { intent: 'save', revision: String(lastProblem.currentRevision) })}
				/>
			) : lastProblem ? (
				<Problems data={lastProblem} />
			) : null}

			<div className="grid gap-4 lg:grid-cols-5">
				<section className="min-w-0 space-y-4 lg:col-span-3">
					<div className="card">
						{item ? (
							<SelectedItem
								key={`${selected}-${item.type}-${'mediaId' in item ? item.mediaId : ''}`}
								item={item}
								index={selected!}
								spec={spec}
								sourceSeconds={'mediaId' in item ? (mediaById.get(item.mediaId)?.durationMs ?? 0) / 1000 : 0}
								hints={'mediaId' in item ? (loaded.hints[item.mediaId] ?? NO_HINTS) : NO_HINTS}
								frame={frame}
								canEdit={canEdit}
								onChange={change}
							/>
						) : (
							<p className="text-stone-500">{t('editor.nothingSelected')}</p>
						)}
					</div>
					<div className="card">
						<div className="mb-3 flex items-center justify-between gap-2">
							<h2 className="text-lg font-bold">{t('sections.timeline')}</h2>
							{canEdit ? (
								<button type="button" className="btn-secondary" onClick={() => setPickerOpen(true)}>
									{t('editor.addMedia')}
								</button>
							) : null}
						</div>
						<TimelineList
							items={spec.timeline}
							mediaNames={mediaNames}
							selected={selected}
							canEdit={canEdit}
							onSelect={setSelected}
							onMove={(from, to) => {
								change(draftOps.moveItem(spec, from, to))
								if (selected === from) setSelected(to)
							}}
							onRemove={(index) => {
								change(draftOps.removeItem(spec, index))
								setSelected(null)
							}}
						/>
					</div>
				</section>

				<section className="min-w-0 space-y-4 lg:col-span-2">
					<Section title={t('sections.renders')} open>
						{canEdit ? (
							<div className="mb-3 grid grid-cols-2 gap-2">
								<button
									type="button"
									className="btn-secondary"
									disabled={working}
									onClick={() => submitWithSpec(renderer, { intent: 'render', quality: 'preview' })}
									data-testid="make-preview"
								>
									{t('editor.preview')}
								</button>
								<button
									type="button"
									className="btn-primary"
									disabled={working}
									onClick={() => submitWithSpec(renderer, { intent: 'render', quality: 'final' })}
									data-testid="make-final"
								>
									{t('editor.renderFinal')}
								</button>
								<p className="col-span-2 text-xs text-stone-500">{t('editor.previewHint')}</p>
								{renderer.data?.reused ? (
									<p className="col-span-2 rounded-lg bg-tea-50 p-2 text-sm text-tea-900" role="status">
										{t('renders.reusedNotice')}
									</p>
								) : null}
							</div>
						) : null}
						<RendersPanel
							renders={loaded.renders}
							liveProgress={liveProgress}
							canEdit={canEdit}
							busy={renderAction.state !== 'idle'}
							onCancel={(renderId) => renderAction.submit({ intent: 'cancel', renderId }, { method: 'post' })}
							onHandOff={(renderId) => renderAction.submit({ intent: 'handOff', renderId }, { method: 'post' })}
							posterUrl={firstShotStill(spec)}
						/>
					</Section>
					<Section title={t('sections.captions')}>
						<CaptionsPanel
							lines={spec.captions?.lines ?? []}
							style={spec.captions?.style}
							totalSeconds={total}
							canEdit={canEdit}
							transcriptionAvailable={loaded.transcriptionAvailable}
							busy={captioner.state !== 'idle' || (timing !== null && isActiveCaptionTimingStatus(timing.status))}
							waiting={timing?.status === 'queued'}
							serverError={
								captioner.data && !captioner.data.ok
									? describeProblem(captioner.data, t)
									: timing?.error
										? t(`studio-captions:timing.errors.${timing.error.problem}`, timing.error.params)
										: null
							}
							onChange={(lines: CaptionLine[]) => change(draftOps.setCaptionLines(spec, lines))}
							onStyleChange={(patch) => change(draftOps.setCaptionStyle(spec, patch))}
							onTimeToSpeech={(texts) => submitWithSpec(captioner, { intent: 'timeCaptions', texts: JSON.stringify(texts) })}
							onTranscribe={() => submitWithSpec(captioner, { intent: 'transcribe' })}
						/>
						{timing?.status === 'ready' && timing.timedBy === 'even' ? <p className="mt-2 text-sm text-amber-800">{t('studio-captions:timing.fellBackToEven')}</p> : null}
					</Section>
					<Section title={t('sections.music')}>
						<MusicPanel
							music={spec.audio.music}
							keepClipSound={spec.audio.keepClipSound}
							choices={loaded.media.filter((m) => m.kind === 'audio')}
							canEdit={canEdit}
							onMusic={(music) => change(draftOps.setMusic(spec, music))}
							onKeepClipSound={(keepClipSound) => change({ ...spec, audio: { ...spec.audio, keepClipSound } })}
						/>
					</Section>
					<Section title={t('sections.overlays')}>
						<OverlaysPanel
							overlays={spec.overlays}
							canEdit={canEdit}
							onChange={(index, patch) => change(draftOps.updateOverlay(spec, index, patch))}
							onRemove={(index) => change(draftOps.removeOverlay(spec, index))}
							onAddCallToAction={() =>
								change({ ...spec, overlays: [...spec.overlays, { type: 'cta', text: t('overlays.defaultCta'), band: 'top', textColor: '#1B1B1B', backgroundColor: '#FFD400', start: 0 }] })
							}
						/>
					</Section>
					<Section title={t('sections.formats')}>
						<FormatsPanel formats={spec.output.formats} canEdit={canEdit} onToggle={(format, on) => change(draftOps.toggleFormat(spec, format, on))} />
					</Section>
					{canDelete ? (
						<Form
							method="post"
							onSubmit={(event) =>
								!window.confirm(loaded.handedOff > 0 ? t('editor.confirmDeleteHandedOff', { count: loaded.handedOff }) : t('editor.confirmDelete'))
									? event.preventDefault()
									: undefined
							}
						>
							{loaded.handedOff > 0 ? <input type="hidden" name="confirmHandedOff" value="yes" /> : null}
							<button type="submit" name="intent" value="delete" className="btn-danger w-full">
								{t('editor.delete')}
							</button>
						</Form>
					) : null}
				</section>
			</div>

			{canEdit ? (
				<div className="fixed inset-x-0 bottom-0 z-30 border-t border-stone-200 bg-white/95 p-3 backdrop-blur lg:static lg:mt-4 lg:border-0 lg:bg-transparent lg:p-0">
					<div className="mx-auto flex max-w-6xl gap-2">
						<button
							type="button"
							className="btn-primary flex-1 lg:flex-none"
							disabled={!dirty || working}
							onClick={() => submitWithSpec(saver, { intent: 'save' })}
							data-testid="save-edit"
						>
							{t('editor.save')}
						</button>
					</div>
				</div>
			) : null}

			{pickerOpen ? (
				<MediaPicker
					media={loaded.media}
					onClose={() => setPickerOpen(false)}
					onAdd={(chosen) => {
						change(draftOps.addMedia(spec, chosen))
						setSelected(spec.timeline.length)
						setPickerOpen(false)
					}}
				/>
			) : null}
		</div>
	)
}

type SelectedItemProps = {
	item: TimelineItem
	index: number
	spec: EditSpec
	sourceSeconds: number
	hints: typeof NO_HINTS
	frame: { width: number; height: number }
	canEdit: boolean
	onChange: (spec: EditSpec) => void
}

function SelectedItem({ item, index, spec, sourceSeconds, hints, frame, canEdit, onChange }: SelectedItemProps) {
	const update = (patch: Partial<TimelineItem>) => onChange(draftOps.updateItem(spec, index, patch))
	if (item.type === 'clip') {
		return (
			<ClipPanel
				item={item}
				sourceSeconds={sourceSeconds}
				hints={hints}
				frame={frame}
				canEdit={canEdit}
				onChange={update}
				onTrim={(range) => onChange(draftOps.trimClip(spec, index, range, sourceSeconds))}
			/>
		)
	}
	if (item.type === 'photo') return <PhotoPanel item={item} frame={frame} canEdit={canEdit} onChange={update} />
	return <TitlePanel item={item} canEdit={canEdit} onChange={update} />
}

function Section({ title, open = false, children }: { title: string; open?: boolean; children: React.ReactNode }) {
	return (
		<details className="card group" open={open}>
			<summary className="flex min-h-11 cursor-pointer list-none items-center justify-between text-lg font-bold">
				{title}
				<span className="text-stone-400 group-open:rotate-180" aria-hidden>
					▾
				</span>
			</summary>
			<div className="mt-3">{children}</div>
		</details>
	)
}

/** The library still of the first photo or clip: a clip's poster frame, a photo's thumbnail. */
function firstShotStill(spec: EditSpec): string | undefined {
	const first = spec.timeline.find((item) => item.type === 'clip' || item.type === 'photo')
	if (!first || !('mediaId' in first)) return undefined
	return `/library/${first.mediaId}/${first.type === 'clip' ? 'poster' : 'thumb'}`
}

type Translate = (key: string, options?: Record<string, unknown>) => string

function describeProblem(data: EditorActionData, t: Translate): string {
	if (data.issues?.length) return data.issues.map((issue) => describeEditIssue(issue, t)).join(' ')
	return t(data.error?.key ?? 'editor.errors.unexpected', data.error?.values)
}

function Problems({ data }: { data: EditorActionData }) {
	const { t } = useTranslation('studio-screen')
	return (
		<div className="mb-4 rounded-lg bg-red-50 p-3 text-sm text-red-800" role="alert" data-testid="edit-problems">
			{data.issues?.length ? (
				<>
					<p className="mb-1 font-semibold">{t('editor.fixFirst')}</p>
					<ul className="list-disc space-y-1 pl-5">
						{data.issues.map((issue, i) => (
							<li key={i}>{describeEditIssue(issue, t)}</li>
						))}
					</ul>
				</>
			) : (
				<p>{describeProblem(data, t)}</p>
			)}
		</div>
	)
}

/** What the template left out and how to add it, shown once after "new video from a template". */
function TemplateNotes() {
	const { t } = useTranslation('studio-screen')
	const [searchParams] = useSearchParams()
	const notes = readNoteSearchParams(searchParams)
	if (notes.length === 0) return null
	return (
		<div className="mb-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900" role="status" data-testid="template-notes">
			<p className="mb-1 font-semibold">{t('editor.templateNotes')}</p>
			<ul className="list-disc space-y-1 pl-5">
				{notes.map((note) => (
					<li key={note.code}>{describeTemplateMessage(note, 'notes', t)}</li>
				))}
			</ul>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary back="studio" />
}
