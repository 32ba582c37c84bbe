// The one place that names the queues and the payload of every job. The web
// process, the workers, the CLI and the tests all import from here; nothing
// else invents a queue name (docs/decisions/003-queue-layout.md).
//
// Payloads carry ids and storage keys only: never secrets, never whole files.

import type { PhotoFormat, PhotoVariant } from '~/studio/photo-posts/spec.ts'
import type { OutputFormatId } from '~/studio/spec/formats.ts'

export const QUEUES = {
	/** Probe an uploaded file, make its thumbnail and preview proxy. Needs the database. */
	media: 'media',
	/** Housekeeping on a schedule: expired uploads, the reconciler, old sessions. */
	maintenance: 'maintenance',
	/** Find the liveliest seconds and the shaky or dark stretches of a ready clip. Needs the database. */
	analysis: 'analysis',
	/** Render a photo post set (sharp only). Stateless: Redis and the media store only, never the database. */
	photoPost: 'photo-post',
	/** Render one edit to one video file. Stateless: Redis and the media store only, never the database. */
	render: 'render',
	/**
	 * Time an edit's caption lines to its speech (ffmpeg silencedetect) or
	 * transcribe its clips (OpenAI). Needs the database: the CaptionTiming row
	 * holds the request and receives the lines.
	 */
	captionTiming: 'caption-timing',
	/**
	 * Deliver one post target (post × channel) to its platform. Needs the
	 * database: the PostTarget row holds the state, the checkpoint and the
	 * platform id. Never retried by BullMQ itself (attempts: 1, no stalled
	 * re-runs): the engine decides every retry from the database
	 * (docs/decisions/151-never-twice.md).
	 */
	publish: 'publish',
	/** Refresh one channel's tokens ahead of expiry, under the channel's lease. Needs the database. */
	channelRefresh: 'channel-refresh',
	/** Read one published target's numbers into an EngagementSnapshot. Needs the database. */
	insights: 'insights',
	/**
	 * Read one live session's Facebook comments for as long as it is live: one
	 * long-running job per session that polls, ingests and paces itself. Needs
	 * the database, which says which sessions are live; the maintenance task
	 * `reconcile-live` puts back a poller the queue lost
	 * (docs/decisions/172-live-comment-polling.md).
	 */
	liveComments: 'live-comments',
} as const

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]

export type MediaJob = { mediaId: string }

export type MaintenanceJob =
	| { task: 'reconcile' }
	| { task: 'purge-sessions' }
	| { task: 'expire-uploads' }
	| { task: 'reconcile-studio' }
	/** Publishing: due targets with no job are enqueued, stuck ones checked (every minute and at start). */
	| { task: 'reconcile-publishing' }
	/** Channels whose tokens expire soon get a channel-refresh job. */
	| { task: 'plan-channel-refreshes' }
	/** Published targets whose nextInsightsAt has come get an insights job. */
	| { task: 'plan-insights' }
	/** Live sessions on Facebook that are live and have no poller get one (every minute and at start). */
	| { task: 'reconcile-live' }

export type AnalysisJob = { mediaId: string }

export type PhotoPostJob = {
	/** The photo post spec (app/studio/photo-posts/spec.ts) as JSON; the worker validates it again. */
	spec: unknown
	/** Media id → storage key relative to MEDIA_ROOT, for the photos of this set only. */
	photos: Record<string, string>
	/** Storage key of the co-op's logo; null when the spec does not show it or the co-op has none. */
	logoKey: string | null
	/** Storage key of the folder the JPEGs are written to. */
	outputDirKey: string
}

/** What a photo post job returns; a failure comes as a failedReason (workers/photo/errors.ts). */
export type PhotoPostJobResult = { outputs: PhotoPostOutputFile[] }

/** One JPEG of a photo post set (PhotoPostRender.outputs). */
export type PhotoPostOutputFile = {
	position: number
	mediaId: string
	format: PhotoFormat
	variant: PhotoVariant
	/** Storage key under the set's folder. */
	key: string
	width: number
	height: number
	bytes: number
}

export type RenderJob = {
	/** The edit spec (app/studio/spec/edit-spec.ts) as JSON; the worker validates it again. */
	spec: unknown
	format: OutputFormatId
	quality: 'final' | 'preview'
	/** Media id → storage key relative to MEDIA_ROOT. */
	inputs: Record<string, string>
	/** Storage key of the video to write. */
	outputKey: string
}

export type CaptionTimingJob = { captionTimingId: string }

export type PublishJob = { targetId: string }

export type ChannelRefreshJob = { channelId: string }

export type InsightsJob = { targetId: string }

export type LiveCommentsJob = { sessionId: string }

/** What a render job returns; a failure comes as a failedReason (app/studio/spec/render-failure.ts). */
export type RenderJobResult = { outputKey: string } & RenderedVideo

export type RenderedVideo = {
	durationSeconds: number
	sizeBytes: number
	width: number
	height: number
	video: { codec: string; profile: string | null; pixFmt: string | null; fps: number | null }
	audio: { codec: string; sampleRate: number | null; channels: number | null }
	/** Measured by loudnorm on the way out; null for a silent video. */
	loudness: { integratedLufs: number; truePeakDbtp: number } | null
	transitions: 'xfade' | 'overlay'
}

export interface JobPayloads {
	media: MediaJob
	maintenance: MaintenanceJob
	analysis: AnalysisJob
	'photo-post': PhotoPostJob
	render: RenderJob
	'caption-timing': CaptionTimingJob
	publish: PublishJob
	'channel-refresh': ChannelRefreshJob
	insights: InsightsJob
	'live-comments': LiveCommentsJob
}

/** Producer-chosen ids make a second enqueue of the same work a no-op (BullMQ ids may not contain ':'). */
export const jobIds = {
	mediaProcessing: (mediaId: string) => `media-${mediaId}`,
	clipAnalysis: (mediaId: string) => `analysis-${mediaId}`,
	photoPost: (photoPostId: string) => `photo-post-${photoPostId}`,
	render: (renderId: string) => `render-${renderId}`,
	captionTiming: (captionTimingId: string) => `caption-timing-${captionTimingId}`,
	/** One job per target and run: a reschedule after a failure gets a new run number, so a new id. */
	publish: (targetId: string, run: number) => `publish-${targetId}-${run}`,
	/** One refresh per channel and token generation (the expiry being replaced, in ms). */
	channelRefresh: (channelId: string, expiresAtMs: number) => `channel-refresh-${channelId}-${expiresAtMs}`,
	/** One reading per target and planned time (ms). */
	insights: (targetId: string, atMs: number) => `insights-${targetId}-${atMs}`,
	/** One poller per live session. */
	liveComments: (sessionId: string) => `live-comments-${sessionId}`,
}
