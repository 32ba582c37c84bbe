// A cheap fingerprint of a file: SHA-256 over its size and its first and last
// MiB. The phone computes it in a moment before uploading (a full hash of a
// 2 GB video would take minutes on a phone) and asks whether the library
// already has it; the server computes the same one when an upload finishes.
// The full sha256, computed by the media worker, stays the proof of a duplicate.

export const FINGERPRINT_EDGE_BYTES = 1024 * 1024

/** Works on a browser `File` and on Node's `fs.openAsBlob()` alike. */
export async function fingerprintBlob(blob: Blob): Promise<string> {
	const size = blob.size
	// slice() stops at the end of the blob; the tail starts after the head when the two would overlap.
	const head = blob.slice(0, FINGERPRINT_EDGE_BYTES)
	const tail = blob.slice(Math.max(head.size, size - FINGERPRINT_EDGE_BYTES))
	const parts = [new TextEncoder().encode(`${size}:`), new Uint8Array(await head.arrayBuffer()), new Uint8Array(await tail.arrayBuffer())]
	const joined = new Uint8Array(parts.reduce((sum, p) => sum + p.byteLength, 0))
	let offset = 0
	for (const part of parts) {
		joined.set(part, offset)
		offset += part.byteLength
	}
	const digest = await crypto.subtle.digest('SHA-256', joined)
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** WebCrypto exists only on secure origins (HTTPS or localhost); without it the check is skipped. */
export function canFingerprint() {
	return typeof crypto !== 'undefined' && typeof crypto.subtle?.digest === 'function'
}

export const FINGERPRINT_PATTERN = /^[0-9a-f]{64}$/
