import type { Job } from 'bullmq'
import type { CaptionTimingJob } from '~/jobs/definitions.ts'
import { CaptionTimingError } from '~/studio/captions/timing-error.ts'
import { failCaptionTiming, finishCaptionTiming, startCaptionTiming } from '~/studio/edits/caption-timings.server.ts'
import { validateEdit } from '~/studio/edits/validate-edit.server.ts'
import { isFinalAttempt } from '../studio/attempts.ts'
import { timeCaptionsToSpeech, transcribeEditCaptions } from './edit-timing.ts'

// One caption timing (docs/decisions/101-caption-timing-jobs.md): the row
// says what to listen to; ffmpeg finds the speech or cuts the audio for the
// transcription service; the lines go back on the row and out as a live event.

export async function processCaptionTiming(job: Job<CaptionTimingJob>, _token?: string, signal?: AbortSignal) {
	const { captionTimingId } = job.data
	const owed = await startCaptionTiming(captionTimingId)
	if (!owed) return { skipped: true }
	try {
		// The files are looked up again: one deleted since the request is not listened to.
		const validated = await validateEdit(owed.coopId, owed.spec)
		if (!validated.ok) {
			await failCaptionTiming(captionTimingId, 'unreadable')
			return { failed: 'unreadable' }
		}
		const result =
			owed.kind === 'speech'
				? await timeCaptionsToSpeech(validated.spec, validated.media, owed.texts, { signal })
				: { lines: await transcribeEditCaptions(validated.spec, validated.media, { signal }) }
		await finishCaptionTiming(captionTimingId, result)
		return { lines: result.lines.length }
	} catch (error) {
		// A problem of the file or the service is the answer, told to the person: retrying would not change it
		// (the transcription client has already retried what can be retried).
		if (error instanceof CaptionTimingError) {
			await failCaptionTiming(captionTimingId, error.problem, error.params)
			return { failed: error.problem }
		}
		if (isFinalAttempt(job)) await failCaptionTiming(captionTimingId, 'unexpected')
		throw error
	}
}
