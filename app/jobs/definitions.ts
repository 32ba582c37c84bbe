// The one place that names the queues and the payload of every job. The web
// process, the workers, the CLI and the tests all import from here; nothing
// else invents a queue name (docs/decisions/003-queue-layout.md).
//
// Payloads carry ids and storage keys only: never secrets, never whole files.

export const QUEUES = {
	/** Probe an uploaded file, make its thumbnail and preview proxy. Needs the database. */
	media: 'media',
	/** Housekeeping on a schedule: expired uploads, the reconciler, old sessions. */
	maintenance: 'maintenance',
} as const

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]

export type MediaJob = { mediaId: string }

export type MaintenanceJob = { task: 'reconcile' } | { task: 'purge-sessions' }

export interface JobPayloads {
	media: MediaJob
	maintenance: MaintenanceJob
}

/** Producer-chosen ids make a second enqueue of the same work a no-op (BullMQ ids may not contain ':'). */
export const jobIds = {
	mediaProcessing: (mediaId: string) => `media-${mediaId}`,
}
