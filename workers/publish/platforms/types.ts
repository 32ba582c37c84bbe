// The one small interface every platform client speaks (house style: one
// module a platform, no database, no Remix). The publishing engine
// (workers/publish/deliver.ts) drives it the same way from the worker and
// from `studio publish`; only where the checkpoint is saved differs.

import type { TokenSettings } from '~/publishing/platform/tokens.ts'
import type { PlatformError } from './errors.ts'

export const PUBLISH_TARGETS = [
	'facebook-reel',
	'facebook-video',
	'facebook-photo',
	'zalo-article',
	'tiktok-inbox',
	'tiktok-direct',
] as const

export type PublishTarget = (typeof PUBLISH_TARGETS)[number]

export type PublishRequest = {
	to: PublishTarget
	/** Facebook: the Page id; Zalo: the OA id; TikTok: the creator's open_id. */
	accountId: string
	token: string
	/** Local paths: one video, or photos (several make one multi-photo post). */
	files: string[]
	caption: string
	title: string | null
	/** TikTok direct posts only: one of the creator's privacy_level_options, chosen by the person. */
	privacy: string | null
	/** Zalo video articles show this picture (a public URL) before the video plays. */
	coverUrl: string | null
	/**
	 * TikTok direct posts only: what the person chose on TikTok's posting screen.
	 * Absent, interactions stay off and nothing is disclosed (TikTok's audit rules).
	 */
	tiktok?: TiktokChoices | null
}

export type TiktokChoices = {
	allowComment: boolean
	allowDuet: boolean
	allowStitch: boolean
	/** "Your brand": promoting the creator's own business (brand_organic_toggle). */
	yourBrand: boolean
	/** "Branded content": a paid partnership with a third party (brand_content_toggle). */
	brandedContent: boolean
}

/**
 * What a client has learnt so far. It is saved the moment something is learnt
 * (the worker writes it to the database before the next step), so that a retry
 * resumes instead of starting over, and a post is never made twice.
 */
export type Checkpoint = {
	/** The id people and the status call know the post by (video id, publish id, post id, article id). */
	platformId?: string
	/** The last step that the platform acknowledged. */
	stage?: string
	/** Upload URLs, session tokens, byte offsets: whatever the client needs to resume. */
	data?: Record<string, string | number>
}

export type PlatformSettings = TokenSettings & {
	/** How often to ask for the processing status, and for how long at most. */
	pollIntervalMs: number
	pollTimeoutMs: number
}

export type PublishContext = {
	settings: PlatformSettings
	checkpoint: Checkpoint
	/** Merges into the checkpoint and saves it; resolves once it is safe to go on. */
	save(update: Checkpoint): Promise<void>
	sleep(ms: number): Promise<void>
}

/**
 * What the platform holds for a post:
 * - published: it is there (for an inbox upload: delivered to the creator's inbox);
 * - processing: accepted, still being processed;
 * - not-started: the step that would make it public has not taken effect, so it is safe to run again;
 * - failed: the platform refused it for good;
 * - unknown: nothing to ask about (no id yet), or the platform cannot say.
 */
export type PostStatus =
	| { state: 'published'; platformId: string }
	| { state: 'processing'; detail: string }
	| { state: 'not-started' }
	| { state: 'failed'; error: PlatformError }
	| { state: 'unknown'; detail: string }

export interface PlatformClient {
	/**
	 * Runs the remaining steps from the checkpoint. Resolves once the step that
	 * makes the post exist was acknowledged: 'published' when the answer itself
	 * proves the post exists, 'processing' when the engine must follow
	 * checkStatus until the platform says so.
	 */
	publish(request: PublishRequest, context: PublishContext): Promise<'published' | 'processing'>
	checkStatus(request: PublishRequest, context: PublishContext): Promise<PostStatus>
}
