import crypto from 'node:crypto'
import fs from 'node:fs'
import { pipeline } from 'node:stream/promises'

/** SHA-256 of a file, read as a stream (a 2 GB video never sits in memory). */
export async function sha256File(filePath: string, signal?: AbortSignal): Promise<string> {
	const hash = crypto.createHash('sha256')
	await pipeline(fs.createReadStream(filePath, { highWaterMark: 1024 * 1024 }), hash, { signal })
	return hash.digest('hex')
}
