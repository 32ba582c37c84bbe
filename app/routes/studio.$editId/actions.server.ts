import { data } from '@remix-run/node'
import { z } from 'zod'
import type { Permission } from '~/accounts/permissions.ts'
import type { CaptionTimingView } from '~/studio/captions/caption-timing-status.ts'
import { requestCaptionTiming, type CaptionTimingRequest } from '~/studio/edits/caption-timings.server.ts'
import { deleteEdit, EditHandedOffError, requireEdit, saveEdit } from '~/studio/edits/edits.server.ts'
import { cancelRender, handOffRender, requestRenders } from '~/studio/edits/renders.server.ts'
import { isRenderQuality } from '~/studio/edits/render-status.ts'
import type { SpecIssue } from '~/studio/spec/issues.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'

// The studio screen's actions, one function per intent. Each one authorises
// nothing itself: `runEditorAction` first requires the permission its intent
// names in EDITOR_INTENT_PERMISSIONS.

/** What each intent of the studio screen needs; the screen reads the same table to show only what the role may do. */
export const EDITOR_INTENT_PERMISSIONS = {
	save: 'update:project',
	render: 'update:project',
	cancel: 'update:project',
	handOff: 'update:project',
	timeCaptions: 'update:project',
	transcribe: 'update:project',
	delete: 'delete:project',
} as const satisfies Record<string, Permission>

type EditorIntent = keyof typeof EDITOR_INTENT_PERMISSIONS

export type EditorActionData = {
	intent: string
	ok: boolean
	/** The spec and title on screen are now the saved ones. */
	saved?: boolean
	/** The edit's revision after this save: the screen's next save starts from it. */
	revision?: number
	/** Someone else saved since the screen's revision: nothing was saved. */
	conflict?: boolean
	/** The stored revision at the conflict: saving from it replaces the other person's save. */
	currentRevision?: number
	issues?: SpecIssue[]
	/** A studio-screen translation key, with its values. */
	error?: { key: string; values?: Record<string, string | number> }
	/** A caption timing was queued: its lines arrive as a live event (caption-timing.updated). */
	captionTiming?: CaptionTimingView
	/** An identical earlier render was reused: no new ffmpeg run. */
	reused?: boolean
}

type Context = { request: Request; coopId: string; userId: string; editId: string; form: FormData }

const text = (form: FormData, name: string) => String(form.get(name) ?? '')
const titleSchema = z.string().trim().min(1).max(120)
/** Digits only: a missing or empty field must not read as revision 0. */
const revisionSchema = z.string().regex(/^\d{1,9}$/).transform(Number)

/** A JSON field of the form; a value that is not JSON reads as null and fails validation with a message. */
function readJson(form: FormData, name: string): unknown {
	try {
		return JSON.parse(text(form, name))
	} catch {
		return null
	}
}

const readSpec = (form: FormData) => readJson(form, 'spec')

function answer(body: EditorActionData, status = 200) {
	return data(body, { status })
}

/** Saves the title and spec on screen over the revision the screen started from (`revision`). */
async function saveFromForm({ coopId, editId, form }: Context): Promise<EditorActionData> {
	const title = titleSchema.safeParse(text(form, 'title'))
	if (!title.success) return { intent: 'save', ok: false, error: { key: 'editor.errors.titleRequired' } }
	const baseRevision = revisionSchema.safeParse(text(form, 'revision'))
	if (!baseRevision.success) return { intent: 'save', ok: false, error: { key: 'editor.errors.unexpected' } }
	const saved = await saveEdit({ coopId, editId, title: title.data, spec: readSpec(form), baseRevision: baseRevision.data })
	if (saved.ok) return { intent: 'save', ok: true, saved: true, revision: saved.revision }
	if ('conflict' in saved) return { intent: 'save', ok: false, conflict: true, currentRevision: saved.currentRevision, error: { key: 'editor.errors.conflict' } }
	return { intent: 'save', ok: false, issues: saved.issues }
}

/** 409 when someone else saved first, 400 for a form to fix. */
const failureStatus = (failed: EditorActionData) => (failed.conflict ? 409 : 400)

async function save(context: Context) {
	const saved = await saveFromForm(context)
	return answer(saved, saved.ok ? 200 : failureStatus(saved))
}

/** Saves what is on screen, then asks for the renders: what is rendered is always what was saved. */
async function render(context: Context) {
	const { coopId, userId, editId, form } = context
	const quality = text(form, 'quality')
	if (!isRenderQuality(quality)) return answer({ intent: 'render', ok: false, error: { key: 'editor.errors.unexpected' } }, 400)
	const saved = await saveFromForm(context)
	if (!saved.ok) return answer({ ...saved, intent: 'render' }, failureStatus(saved))
	const requested = await requestRenders({ coopId, userId, editId, quality })
	return requested.ok
		? answer({ intent: 'render', ok: true, saved: true, revision: saved.revision, reused: requested.renders.some((r) => r.reused) })
		: answer({ intent: 'render', ok: false, saved: true, revision: saved.revision, issues: requested.issues }, 400)
}

async function cancel({ coopId, form }: Context) {
	await cancelRender(coopId, text(form, 'renderId'))
	return answer({ intent: 'cancel', ok: true })
}

async function handOff({ coopId, userId, form }: Context) {
	const handed = await handOffRender(coopId, text(form, 'renderId'), userId)
	return handed ? answer({ intent: 'handOff', ok: true }) : answer({ intent: 'handOff', ok: false, error: { key: 'renders.handOffNotReady' } }, 400)
}

async function timeCaptions({ coopId, userId, editId, form }: Context) {
	const texts = z.array(z.string().trim().min(1).max(200)).min(1).max(300).safeParse(readJson(form, 'texts'))
	if (!texts.success) return answer({ intent: 'timeCaptions', ok: false, error: { key: 'captions.errors.noText' } }, 400)
	return askCaptionTiming('timeCaptions', { coopId, userId, editId, kind: 'speech', spec: readSpec(form), texts: texts.data })
}

async function transcribe({ coopId, userId, editId, form }: Context) {
	return askCaptionTiming('transcribe', { coopId, userId, editId, kind: 'transcribe', spec: readSpec(form) })
}

/** 202: the timing is queued, not done; the worker's result reaches the screen as a live event. */
async function askCaptionTiming(intent: string, request: CaptionTimingRequest) {
	const asked = await requestCaptionTiming(request)
	if (asked.ok) return answer({ intent, ok: true, captionTiming: asked.captionTiming }, 202)
	if ('issues' in asked) return answer({ intent, ok: false, issues: asked.issues }, 400)
	return answer({ intent, ok: false, error: { key: `studio-captions:timing.errors.${asked.problem}` } }, 400)
}

async function remove({ request, coopId, editId, form }: Context) {
	const edit = await requireEdit(coopId, editId)
	try {
		const removal = await deleteEdit(coopId, editId, { confirmHandedOff: text(form, 'confirmHandedOff') === 'yes' })
		const key = removal.outcome === 'archived' ? 'studio-screen:list.archived' : 'studio-screen:list.deleted'
		return redirectWithToast(request, '/studio', { kind: 'success', key, values: { title: edit.title } })
	} catch (error) {
		if (!(error instanceof EditHandedOffError)) throw error
		const values = { count: error.handedOff }
		return redirectWithToast(request, `/studio/${editId}`, { kind: 'error', key: 'studio-screen:editor.errors.handedOffDelete', values })
	}
}

const intents: Record<EditorIntent, (context: Context) => Promise<Response | ReturnType<typeof answer>>> = {
	save,
	render,
	cancel,
	handOff,
	timeCaptions,
	transcribe,
	delete: remove,
}

export async function runEditorAction(request: Request, editId: string) {
	const form = await request.formData()
	const authorised = (intent: EditorIntent) => async () => {
		const { coopId, userId } = await requireCoopPermission(request, EDITOR_INTENT_PERMISSIONS[intent])
		// Another co-op's edit answers 404 before the intent reads its fields, as the loader does.
		await requireEdit(coopId, editId)
		return intents[intent]({ request, coopId, userId, editId, form })
	}
	return dispatchIntent(form, {
		save: authorised('save'),
		render: authorised('render'),
		cancel: authorised('cancel'),
		handOff: authorised('handOff'),
		timeCaptions: authorised('timeCaptions'),
		transcribe: authorised('transcribe'),
		delete: authorised('delete'),
	})
}
