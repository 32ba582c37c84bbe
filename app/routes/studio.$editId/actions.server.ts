import { data, redirect } from '@remix-run/node'
import { z } from 'zod'
import { CaptionTimingError } from '~/studio/captions/timing-error.ts'
import { timeCaptionsToSpeech, transcribeEditCaptions } from '~/studio/edits/caption-timing.server.ts'
import { deleteEdit, requireEdit, saveEdit } from '~/studio/edits/edits.server.ts'
import { cancelRender, handOffRender, requestRenders } from '~/studio/edits/renders.server.ts'
import { isRenderQuality } from '~/studio/edits/render-status.ts'
import { validateEdit } from '~/studio/edits/validate-edit.server.ts'
import type { SpecIssue } from '~/studio/spec/issues.ts'
import type { CaptionLine } from '~/studio/captions/schema.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'

// The studio screen's actions, one function per intent. Each one authorises
// nothing itself: the route has already required an editor of this co-op.

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
	lines?: CaptionLine[]
	timedBy?: 'speech' | 'even'
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

async function timeCaptions({ coopId, form }: Context) {
	const texts = z.array(z.string().trim().min(1).max(200)).min(1).max(300).safeParse(readJson(form, 'texts'))
	const validated = await validateEdit(coopId, readSpec(form))
	if (!validated.ok) return answer({ intent: 'timeCaptions', ok: false, issues: validated.issues }, 400)
	if (!texts.success) return answer({ intent: 'timeCaptions', ok: false, error: { key: 'captions.errors.noText' } }, 400)
	return withCaptionErrors('timeCaptions', async () => {
		const timed = await timeCaptionsToSpeech(validated.spec, validated.media, texts.data)
		return { lines: timed.lines, timedBy: timed.timedBy }
	})
}

async function transcribe({ coopId, form }: Context) {
	const validated = await validateEdit(coopId, readSpec(form))
	if (!validated.ok) return answer({ intent: 'transcribe', ok: false, issues: validated.issues }, 400)
	return withCaptionErrors('transcribe', async () => ({ lines: await transcribeEditCaptions(validated.spec, validated.media) }))
}

async function withCaptionErrors(intent: string, work: () => Promise<Pick<EditorActionData, 'lines' | 'timedBy'>>) {
	try {
		return answer({ intent, ok: true, ...(await work()) })
	} catch (error) {
		if (!(error instanceof CaptionTimingError)) throw error
		return answer({ intent, ok: false, error: { key: `studio-captions:timing.errors.${error.problem}`, values: error.params } }, 400)
	}
}

async function remove({ request, coopId, editId }: Context) {
	const edit = await requireEdit(coopId, editId)
	await deleteEdit(coopId, editId)
	return redirectWithToast(request, '/studio', { kind: 'success', key: 'studio-screen:list.deleted', values: { title: edit.title } })
}

const intents: Record<string, (context: Context) => Promise<Response | ReturnType<typeof answer>>> = {
	save,
	render,
	cancel,
	handOff,
	timeCaptions,
	transcribe,
	delete: remove,
}

export async function runEditorAction(context: Omit<Context, 'form'>) {
	// Another co-op's edit answers 404 before any intent reads the form, as the loader does.
	await requireEdit(context.coopId, context.editId)
	const form = await context.request.formData()
	const handler = intents[text(form, 'intent')]
	if (!handler) throw redirect(`/studio/${context.editId}`)
	return handler({ ...context, form })
}
