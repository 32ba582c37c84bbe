import fs from 'node:fs'
import { Readable } from 'node:stream'
import { foldForMatching } from '~/utils/vietnamese.ts'

// Sends a stored file from a resource route: streamed, never read whole, and
// with byte ranges, which phone browsers need to play and seek a <video>.

type FileOptions = { contentType: string; downloadName?: string }

export async function fileResponse(request: Request, filePath: string, { contentType, downloadName }: FileOptions): Promise<Response> {
	const stat = await fs.promises.stat(filePath).catch(() => null)
	if (!stat?.isFile()) throw new Response('Not found', { status: 404 })
	const headers = new Headers({
		'content-type': contentType,
		'accept-ranges': 'bytes',
		'cache-control': 'private, max-age=3600',
		'last-modified': stat.mtime.toUTCString(),
	})
	if (downloadName) headers.set('content-disposition', attachment(downloadName))

	const range = parseRange(request.headers.get('range'), stat.size)
	if (range === 'unsatisfiable') {
		headers.set('content-range', `bytes */${stat.size}`)
		return new Response(null, { status: 416, headers })
	}
	const { start, end } = range ?? { start: 0, end: stat.size - 1 }
	headers.set('content-length', String(end - start + 1))
	if (range) headers.set('content-range', `bytes ${start}-${end}/${stat.size}`)
	const status = range ? 206 : 200
	if (request.method === 'HEAD' || stat.size === 0) return new Response(null, { status, headers })
	const stream = Readable.toWeb(fs.createReadStream(filePath, { start, end })) as ReadableStream<Uint8Array>
	return new Response(stream, { status, headers })
}

/** One "bytes=a-b" range (what browsers send); several ranges are answered with the whole file. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | 'unsatisfiable' | null {
	const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null
	if (!match || (match[1] === '' && match[2] === '')) return null
	let start: number
	let end: number
	if (match[1] === '') {
		// "bytes=-500": the last 500 bytes.
		start = Math.max(0, size - Number(match[2]))
		end = size - 1
	} else {
		start = Number(match[1])
		end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
	}
	if (start >= size || start > end) return 'unsatisfiable'
	return { start, end }
}

/** "Giới thiệu chè" → attachment; filename="gioi-thieu-che.mp4"; filename*=UTF-8''Gi%E1%BB%9Bi… */
function attachment(name: string): string {
	const dot = name.lastIndexOf('.')
	const base = dot > 0 ? name.slice(0, dot) : name
	const extension = dot > 0 ? name.slice(dot) : ''
	const ascii = foldForMatching(base).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'video'
	return `attachment; filename="${ascii}${extension}"; filename*=UTF-8''${encodeRfc5987(name)}`
}

function encodeRfc5987(value: string) {
	return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}
