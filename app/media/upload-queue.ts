import { useSyncExternalStore } from 'react'
import type * as tus from 'tus-js-client'
import { looksLikeHeic } from './file-kinds.ts'
import { canFingerprint, fingerprintBlob } from './fingerprint.ts'

// The browser side of uploading (docs/decisions/005-resumable-uploads.md): a
// queue that lives as long as the tab, so that uploads go on while the person
// moves between pages. Each file is checked first (size, HEIC, already in the
// library?), then sent with tus in chunks; tus-js-client remembers each
// upload in localStorage under a fingerprint of the file, so choosing the same
// file after a reload continues where it stopped.
//
// tus-js-client (about 60 kB) is imported when a file is sent or an unfinished
// upload is looked at, not with the page: most visits to the library upload
// nothing (docs/decisions/128-page-weight.md).

export type UploadPhase = 'checking' | 'duplicate' | 'waiting' | 'uploading' | 'stalled' | 'paused' | 'done' | 'failed' | 'skipped'

export type UploadEntry = {
	key: string
	name: string
	size: number
	phase: UploadPhase
	sentBytes: number
	/** A media.errors.* key when failed or paused. */
	errorCode: string | null
	/** The library item with the same fingerprint, when one was found before uploading. */
	existing: { id: string; displayName: string } | null
	mediaId: string | null
	/** Bytes that an earlier attempt (before a reload) had already sent. */
	resumedFrom: number | null
}

export type UploadLimits = { maxBytes: number }

type Tracked = UploadEntry & {
	file: File
	keepDuplicate: boolean
	upload: tus.Upload | null
	/** When the bytes last moved, and how far they had got (null: a request just started). */
	lastProgressAt: number
	progressMark: number | null
}

/** An upload an earlier page left unfinished (tus-js-client's record in localStorage). */
export type UnfinishedUpload = { storageKey: string; uploadUrl: string | null; name: string; size: number }

const ENDPOINT = '/uploads'
const CHECK_URL = '/library/check-duplicate'
export const CHUNK_BYTES = 5 * 1024 * 1024
const PARALLEL_UPLOADS = 2
// Rides out short drops (a tunnel, a lift) without asking anything; after
// that the entry is paused until the browser is online again or they tap.
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000]
const PAUSED_RETRY_MS = 60_000
// tus-js-client has no request timeout: on a cell edge a PATCH can stay open
// with almost nothing getting through, forever. No progress for this long
// means the request is given up and the upload resumes from the server's
// offset (docs/decisions/131-stalled-uploads.md). Tests shorten it through
// window.coopUploadStallMs.
const STALL_MS = 20_000
const STALL_CHECK_MS = 1000

const loadTus = () => import('tus-js-client')

// tus-js-client's own localStorage records (its WebStorageUrlStorage keys start
// with this), read here so that a page with nothing unfinished need not load it.
const TUS_STORAGE_PREFIX = 'tus::'

function hasStoredUploads() {
	try {
		for (let i = 0; i < localStorage.length; i++) if (localStorage.key(i)?.startsWith(TUS_STORAGE_PREFIX)) return true
		return false
	} catch {
		// Storage refused (private mode, policy): tus keeps no records there either.
		return false
	}
}

function stallAfterMs() {
	const override = (window as { coopUploadStallMs?: unknown }).coopUploadStallMs
	return typeof override === 'number' && override > 0 ? override : STALL_MS
}

class UploadQueue {
	private tracked: Tracked[] = []
	private snapshot: UploadEntry[] = []
	private listeners = new Set<() => void>()
	private finishedListeners = new Set<() => void>()
	private counter = 0

	constructor() {
		const resumePaused = () => {
			for (const entry of this.tracked) if (entry.phase === 'paused') this.resume(entry.key)
		}
		window.addEventListener('online', resumePaused)
		// A phone can stay "online" while nothing gets through (weak signal, server restarting).
		setInterval(resumePaused, PAUSED_RETRY_MS)
		setInterval(() => this.restartStalled(), STALL_CHECK_MS)
	}

	subscribe = (listener: () => void) => {
		this.listeners.add(listener)
		return () => {
			this.listeners.delete(listener)
		}
	}

	getSnapshot = () => this.snapshot

	/** Called whenever an upload finishes, so that the page can reload its list. */
	onFinished(listener: () => void) {
		this.finishedListeners.add(listener)
		return () => {
			this.finishedListeners.delete(listener)
		}
	}

	add(files: File[], limits: UploadLimits) {
		for (const file of files) {
			const entry: Tracked = {
				key: `${Date.now()}-${this.counter++}`,
				name: file.name,
				size: file.size,
				phase: 'checking',
				sentBytes: 0,
				errorCode: null,
				existing: null,
				mediaId: null,
				resumedFrom: null,
				file,
				keepDuplicate: false,
				upload: null,
				lastProgressAt: Date.now(),
				progressMark: null,
			}
			this.tracked.push(entry)
			void this.check(entry, limits)
		}
		this.publish()
	}

	chooseDuplicate(key: string, upload: boolean) {
		const entry = this.find(key)
		if (entry?.phase !== 'duplicate') return
		entry.keepDuplicate = upload
		this.update(entry, { phase: upload ? 'waiting' : 'skipped' })
		this.pump()
	}

	resume(key: string) {
		const entry = this.find(key)
		if (!entry || (entry.phase !== 'paused' && entry.phase !== 'failed' && entry.phase !== 'stalled')) return
		if (entry.upload && entry.phase === 'stalled') return this.restart(entry, 'stalled')
		if (entry.upload && entry.phase === 'paused') return this.restart(entry, 'uploading')
		entry.upload = null
		this.update(entry, { phase: 'waiting', errorCode: null, sentBytes: 0 })
		this.pump()
	}

	cancel(key: string) {
		const entry = this.find(key)
		if (!entry || entry.phase === 'done') return
		// Terminating deletes the partial upload on the server at once instead of at expiry.
		void entry.upload?.abort(true).catch(() => {})
		this.update(entry, { phase: 'skipped' })
		this.pump()
	}

	clearFinished() {
		this.tracked = this.tracked.filter((entry) => !['done', 'skipped', 'failed'].includes(entry.phase))
		this.publish()
	}

	/** Drops the request in flight (the bytes the server has stay there) and continues from the server's offset. */
	private restart(entry: Tracked, phase: 'uploading' | 'stalled') {
		const upload = entry.upload
		if (!upload) return
		entry.lastProgressAt = Date.now()
		entry.progressMark = null
		this.update(entry, { phase, errorCode: null })
		void upload.abort(false).then(() => {
			if (entry.upload === upload && (entry.phase === 'uploading' || entry.phase === 'stalled')) upload.start()
		})
	}

	private restartStalled() {
		const now = Date.now()
		for (const entry of this.tracked) {
			if ((entry.phase === 'uploading' || entry.phase === 'stalled') && entry.upload && now - entry.lastProgressAt > stallAfterMs()) this.restart(entry, 'stalled')
		}
	}

	/** Uploads that a closed or reloaded page left unfinished and that this page is not already sending. */
	async findUnfinished(): Promise<UnfinishedUpload[]> {
		if (!hasStoredUploads()) return []
		const tus = await loadTus()
		const stored = (await tus.defaultOptions.urlStorage?.findAllUploads().catch(() => [])) ?? []
		const inQueue = new Set(this.tracked.filter((entry) => entry.phase !== 'skipped').map((entry) => `${entry.name}|${entry.size}`))
		return stored
			.map((upload) => ({
				storageKey: upload.urlStorageKey,
				uploadUrl: upload.uploadUrl ?? null,
				name: upload.metadata?.filename ?? '',
				size: upload.size ?? 0,
			}))
			.filter((upload) => upload.name && !inQueue.has(`${upload.name}|${upload.size}`))
	}

	/** They will not send it again: the partial upload is deleted on the server and forgotten here. */
	async forgetUnfinished(upload: UnfinishedUpload) {
		if (upload.uploadUrl) await fetch(upload.uploadUrl, { method: 'DELETE', headers: { 'Tus-Resumable': '1.0.0' } }).catch(() => {})
		const tus = await loadTus()
		await tus.defaultOptions.urlStorage?.removeUpload(upload.storageKey)
		this.publish()
	}

	private async check(entry: Tracked, limits: UploadLimits) {
		const refusal =
			entry.size === 0
				? 'empty-file'
				: looksLikeHeic(entry.file.name, entry.file.type)
					? 'heic-unsupported'
					: entry.size > limits.maxBytes
						? 'file-too-large'
						: null
		if (refusal) return this.update(entry, { phase: 'failed', errorCode: refusal })
		const existing = await findExisting(entry.file)
		if (entry.phase !== 'checking') return
		this.update(entry, existing ? { phase: 'duplicate', existing } : { phase: 'waiting' })
		this.pump()
	}

	private pump() {
		let running = this.tracked.filter((e) => e.phase === 'uploading' || e.phase === 'stalled').length
		for (const entry of this.tracked) {
			if (running >= PARALLEL_UPLOADS) break
			if (entry.phase !== 'waiting') continue
			running++
			void this.start(entry)
		}
	}

	private async start(entry: Tracked) {
		this.update(entry, { phase: 'uploading' })
		const tus = await loadTus().catch(() => null)
		// Cancelled while the library was arriving.
		if (entry.phase !== 'uploading') return
		// The library itself did not arrive (offline at that moment): paused, resumed like any network pause.
		if (!tus) return this.update(entry, { phase: 'paused', errorCode: 'network' })
		let resuming = false
		const upload = new tus.Upload(entry.file, {
			endpoint: ENDPOINT,
			chunkSize: CHUNK_BYTES,
			retryDelays: RETRY_DELAYS,
			removeFingerprintOnSuccess: true,
			metadata: { filename: entry.file.name, keepDuplicate: entry.keepDuplicate ? '1' : '0' },
			onProgress: (sent) => {
				// A restarted request first reports where it starts: that is no progress yet.
				const moved = entry.progressMark !== null && sent > entry.progressMark
				entry.progressMark = sent
				if (moved) entry.lastProgressAt = Date.now()
				this.update(entry, { sentBytes: sent, ...(moved && entry.phase === 'stalled' ? { phase: 'uploading' } : {}) })
			},
			onAfterResponse: (request, response) => {
				// Resuming starts with a HEAD whose offset says how far the earlier attempt got.
				if (!resuming || request.getMethod() !== 'HEAD') return
				resuming = false
				const offset = Number(response.getHeader('Upload-Offset'))
				if (response.getStatus() === 200 && offset > 0) this.update(entry, { resumedFrom: offset, sentBytes: offset })
			},
			onSuccess: ({ lastResponse }) => {
				// The server keeps a receipt for a phone that missed this answer; this one heard it.
				if (upload.url) void fetch(upload.url, { method: 'DELETE', headers: { 'Tus-Resumable': '1.0.0' } }).catch(() => {})
				this.update(entry, { phase: 'done', sentBytes: entry.size, mediaId: lastResponse.getHeader('Upload-Media-Id') ?? null })
				for (const listener of this.finishedListeners) listener()
				this.pump()
			},
			onError: (error) => {
				const { code, paused } = describeError(error)
				this.update(entry, { phase: paused ? 'paused' : 'failed', errorCode: code })
				this.pump()
			},
		})
		entry.upload = upload
		entry.lastProgressAt = Date.now()
		entry.progressMark = null
		const previous = await upload.findPreviousUploads().catch(() => [])
		if (entry.phase !== 'uploading') return
		entry.lastProgressAt = Date.now()
		const latest = previous.at(-1)
		if (latest) {
			upload.resumeFromPreviousUpload(latest)
			resuming = true
		}
		upload.start()
	}

	private find(key: string) {
		return this.tracked.find((entry) => entry.key === key)
	}

	private update(entry: Tracked, changes: Partial<UploadEntry>) {
		Object.assign(entry, changes)
		this.publish()
	}

	private publish() {
		this.snapshot = this.tracked.map(({ file: _file, keepDuplicate: _keep, upload: _upload, lastProgressAt: _last, progressMark: _mark, ...visible }) => visible)
		for (const listener of this.listeners) listener()
	}
}

/** Asks the library whether it already has this file (same size, same first and last MiB). */
async function findExisting(file: File): Promise<UploadEntry['existing']> {
	if (!canFingerprint()) return null
	try {
		const body = new FormData()
		body.set('fingerprint', await fingerprintBlob(file))
		body.set('size', String(file.size))
		const response = await fetch(CHECK_URL, { method: 'POST', body })
		if (!response.ok) return null
		const { existing } = (await response.json()) as { existing: UploadEntry['existing'] }
		return existing
	} catch {
		// The check only saves time; without it the upload goes ahead.
		return null
	}
}

/** Turns a tus error into a message key; network trouble and server hiccups pause instead of failing. */
function describeError(error: Error | tus.DetailedError): { code: string; paused: boolean } {
	const response = 'originalResponse' in error ? error.originalResponse : null
	const status = response?.getStatus() ?? 0
	// The phone is online but nothing answers: the server is down or restarting, not the phone's signal.
	if (status === 0 || status >= 500) return { code: status === 0 && !navigator.onLine ? 'network' : 'server-unreachable', paused: true }
	if (status === 413) return { code: 'file-too-large', paused: false }
	if (status === 401) return { code: 'signed-out', paused: false }
	if (status === 403) return { code: 'forbidden', paused: false }
	if (status === 404 || status === 410) return { code: 'not-found', paused: false }
	try {
		const { code } = JSON.parse(response!.getBody()) as { code?: unknown }
		if (typeof code === 'string') return { code, paused: false }
	} catch {
		// not one of ours
	}
	return { code: 'unknown', paused: false }
}

let queue: UploadQueue | null = null

/** The tab's upload queue (null during server rendering). */
export function getUploadQueue(): UploadQueue | null {
	if (typeof window === 'undefined') return null
	queue ??= new UploadQueue()
	return queue
}

const noUploads: UploadEntry[] = []

export function useUploads(): UploadEntry[] {
	return useSyncExternalStore(
		(listener) => getUploadQueue()?.subscribe(listener) ?? (() => {}),
		() => getUploadQueue()?.getSnapshot() ?? noUploads,
		() => noUploads,
	)
}
