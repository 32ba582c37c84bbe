import fs from 'node:fs/promises'
import { FileStore } from '@tus/file-store'
import { Server, type Upload } from '@tus/server'
import { Router, type Request as ExpressRequest, type Response as ExpressResponse } from 'express'
import { acceptUpload, UploadRejected } from '~/media/intake.server.ts'
import {
	readFinishedRecord,
	removeFinishedRecord,
	removeUpload,
	UPLOAD_ID_PATTERN,
	uploadDataPath,
	uploadInfoPath,
	writeFinishedRecord,
} from '~/media/upload-area.server.ts'
import { uploadsDir } from '~/media/storage.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { guardCoopMember } from './coop-guard.ts'
import type { CoopContext } from '~/utils/auth.server.ts'

const TUS_VERSION = '1.0.0'
/** Sent on the response that finishes an upload (and on HEAD of a finished one): the new media's id. */
const MEDIA_ID_HEADER = 'Upload-Media-Id'

type TusThrown = { status_code: number; body: string }

/**
 * Resumable uploads (tus 1.0) at /uploads, for editors and owners
 * (docs/decisions/005-resumable-uploads.md). Bytes stream to
 * MEDIA_ROOT/.uploads; a finished upload is checked and moved into the
 * library by acceptUpload. Every request is authorised here, before tus sees
 * it: the session must belong to an editor, and an existing upload must have
 * been created in the caller's co-op (recorded server-side at creation, never
 * taken from the client). Another co-op's upload answers 404.
 */
export function uploadsRouter() {
	const env = getEnv()
	const datastore = new FileStore({ directory: uploadsDir() })
	const callers = new WeakMap<object, CoopContext>()

	function callerOf(req: Request & { runtime?: { node?: { req: object } } }): CoopContext {
		const node = req.runtime?.node?.req
		const caller = node && callers.get(node)
		if (!caller) throw { status_code: 401, body: errorBody('signed-out') } satisfies TusThrown
		return caller
	}

	async function finish(upload: Upload, creator: { coopId: string; userId: string }) {
		try {
			const { mediaId } = await acceptUpload({
				filePath: uploadDataPath(upload.id),
				coopId: creator.coopId,
				userId: creator.userId,
				clientName: upload.metadata?.filename,
				keepDuplicate: upload.metadata?.keepDuplicate === '1',
			})
			await writeFinishedRecord(upload.id, { coopId: creator.coopId, mediaId, size: upload.size ?? 0 })
			await fs.rm(uploadInfoPath(upload.id), { force: true })
			return mediaId
		} catch (error) {
			if (!(error instanceof UploadRejected)) throw error
			await removeUpload(upload.id)
			throw { status_code: 422, body: errorBody(error.code) } satisfies TusThrown
		}
	}

	const tus = new Server({
		path: '/uploads',
		datastore,
		maxSize: env.UPLOAD_MAX_BYTES,
		relativeLocation: true,
		// Same origin only: no Access-Control-Allow-Origin header at all.
		allowedOrigins: [],
		async onUploadCreate(req, upload) {
			const caller = callerOf(req)
			const fromClient = upload.metadata ?? {}
			return {
				metadata: {
					filename: fromClient.filename ?? '',
					keepDuplicate: fromClient.keepDuplicate === '1' ? '1' : '0',
					coopId: caller.coopId,
					userId: caller.userId,
				},
			}
		},
		async onUploadFinish(_req, upload) {
			const mediaId = await finish(upload, creatorOf(upload))
			return { headers: { [MEDIA_ID_HEADER]: mediaId } }
		},
		onResponseError(_req, error) {
			const status = 'status_code' in error ? error.status_code : 500
			if (status === 413) return { status_code: 413, body: errorBody('file-too-large') }
			if (status >= 500) console.error('upload failed:', 'message' in error ? error.message : error.body)
			return undefined
		},
	})

	async function authorise(req: ExpressRequest, res: ExpressResponse): Promise<CoopContext | null> {
		const guard = await guardCoopMember(req, 'editor')
		if (!guard.ok) {
			sendTusError(res, guard.status, guard.status === 403 ? 'forbidden' : 'signed-out')
			return null
		}
		return guard.context
	}

	/**
	 * HEAD of an upload that has already become a media item: the full offset,
	 * so that a client whose final response was lost stops instead of
	 * uploading again. An upload whose bytes are all here but that was never
	 * taken in (the server stopped in between) is finished now.
	 */
	async function answerFinishedHead(uploadId: string, caller: CoopContext, res: ExpressResponse): Promise<boolean> {
		let record = await readFinishedRecord(uploadId)
		if (!record) {
			const upload = await datastore.getUpload(uploadId).catch(() => null)
			if (!upload || upload.size === undefined || upload.offset !== upload.size) return false
			if (upload.metadata?.coopId !== caller.coopId) return false
			try {
				const mediaId = await finish(upload, creatorOf(upload))
				record = { coopId: caller.coopId, mediaId, size: upload.size, finishedAt: new Date().toISOString() }
			} catch (thrown) {
				const { status_code, body } = thrown as TusThrown
				if (!status_code) throw thrown
				res.status(status_code).set('Tus-Resumable', TUS_VERSION).type('application/json').send(body)
				return true
			}
		}
		if (record.coopId !== caller.coopId) return false
		res.status(200).set({
			'Tus-Resumable': TUS_VERSION,
			'Cache-Control': 'no-store',
			'Upload-Offset': String(record.size),
			'Upload-Length': String(record.size),
			[MEDIA_ID_HEADER]: record.mediaId,
		})
		res.end()
		return true
	}

	/**
	 * DELETE of a finished upload: the phone confirms it heard the answer, so
	 * the receipt goes now instead of piling up until expire-uploads.
	 */
	async function forgetFinished(uploadId: string, caller: CoopContext, res: ExpressResponse): Promise<boolean> {
		const record = await readFinishedRecord(uploadId)
		if (!record || record.coopId !== caller.coopId) return false
		await removeFinishedRecord(uploadId)
		res.status(204).set({ 'Tus-Resumable': TUS_VERSION, 'Cache-Control': 'no-store' }).end()
		return true
	}

	const router = Router()
	// tus's GET would hand out the raw bytes of an upload; files are served by
	// the library's own auth-checked routes instead. (Express routes HEAD to
	// GET handlers too, hence the method check.)
	router.get(['/uploads', '/uploads/:uploadId'], (req, res, next) => (req.method === 'GET' ? sendTusError(res, 404, 'not-found') : next()))
	router.options(['/uploads', '/uploads/:uploadId'], (req, res) => void tus.handle(req, res))
	router.all(['/uploads', '/uploads/:uploadId'], async (req, res, next) => {
		try {
			const caller = await authorise(req, res)
			if (!caller) return
			const { uploadId } = req.params
			if (uploadId !== undefined) {
				if (!UPLOAD_ID_PATTERN.test(uploadId)) return sendTusError(res, 404, 'not-found')
				if (req.method === 'HEAD' && (await answerFinishedHead(uploadId, caller, res))) return
				if (req.method === 'DELETE' && (await forgetFinished(uploadId, caller, res))) return
				const upload = await datastore.getUpload(uploadId).catch(() => null)
				if (!upload || upload.metadata?.coopId !== caller.coopId) return sendTusError(res, 404, 'not-found')
			} else if (req.method !== 'POST') {
				return sendTusError(res, 405, 'not-found')
			}
			callers.set(req, caller)
			await tus.handle(req, res)
		} catch (error) {
			next(error)
		}
	})
	return router
}

function creatorOf(upload: Upload) {
	const coopId = upload.metadata?.coopId
	const userId = upload.metadata?.userId
	if (!coopId || !userId) throw { status_code: 404, body: errorBody('not-found') } satisfies TusThrown
	return { coopId, userId }
}

function errorBody(code: string) {
	return JSON.stringify({ code })
}

function sendTusError(res: ExpressResponse, status: number, code: string) {
	res.status(status).set({ 'Tus-Resumable': TUS_VERSION, 'Cache-Control': 'no-store' }).type('application/json').send(errorBody(code))
}
