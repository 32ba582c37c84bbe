import fs from 'node:fs'
import OpenAI, { toFile } from 'openai'
import { getEnv } from '~/utils/env.server.ts'
import type { WhisperVerboseJson } from './align-words.ts'
import { CaptionTimingError } from './timing-error.ts'

// One transcription request to OpenAI (or an OpenAI-compatible server at
// OPENAI_BASE_URL). whisper-1 is the model that returns word times; the
// gpt-4o transcribe models return text only.

export type TranscriptionSettings = {
	apiKey?: string
	baseURL?: string
	model?: string
	language?: string
	timeoutMs?: number
	maxRetries?: number
}

export function transcriptionSettingsFromEnv(): Required<Omit<TranscriptionSettings, 'apiKey' | 'baseURL'>> & Pick<TranscriptionSettings, 'apiKey' | 'baseURL'> {
	const env = getEnv()
	return {
		apiKey: env.OPENAI_API_KEY,
		baseURL: env.OPENAI_BASE_URL,
		model: env.OPENAI_TRANSCRIPTION_MODEL,
		language: env.TRANSCRIPTION_LANGUAGE,
		timeoutMs: env.OPENAI_TIMEOUT_MS,
		maxRetries: env.OPENAI_MAX_RETRIES,
	}
}

export function isTranscriptionConfigured(settings: TranscriptionSettings = transcriptionSettingsFromEnv()): boolean {
	return Boolean(settings.apiKey)
}

/**
 * Sends one audio file and returns the verbose JSON with word and segment
 * times. Rate limits, server errors and timeouts are retried by the client
 * (honouring Retry-After, with exponential backoff otherwise) before they
 * become a CaptionTimingError. `prompt` can carry words the recogniser
 * would not guess, such as product and place names.
 */
export async function transcribeAudioFile(
	filePath: string,
	{ prompt, signal, ...overrides }: TranscriptionSettings & { prompt?: string; signal?: AbortSignal } = {},
): Promise<WhisperVerboseJson> {
	const settings = { ...transcriptionSettingsFromEnv(), ...definedOnly(overrides) }
	if (!settings.apiKey) throw new CaptionTimingError('noKey')
	const client = new OpenAI({
		apiKey: settings.apiKey,
		baseURL: settings.baseURL,
		timeout: settings.timeoutMs,
		maxRetries: settings.maxRetries,
	})
	try {
		const response = await client.audio.transcriptions.create(
			{
				file: await toFile(fs.createReadStream(filePath), 'speech.mp3', { type: 'audio/mpeg' }),
				model: settings.model,
				language: settings.language,
				response_format: 'verbose_json',
				// Without "segment" the response carries words only, and the punctuated text per phrase is lost.
				timestamp_granularities: ['word', 'segment'],
				...(prompt ? { prompt } : {}),
			},
			{ signal },
		)
		return response as WhisperVerboseJson
	} catch (error) {
		throw toTimingError(error)
	}
}

function definedOnly<T extends object>(values: T): Partial<T> {
	return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>
}

function toTimingError(error: unknown): unknown {
	if (error instanceof OpenAI.APIUserAbortError) return error
	if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError)
		return new CaptionTimingError('badKey', {}, { cause: error })
	if (error instanceof OpenAI.RateLimitError) {
		const retryAfter = Number(error.headers?.get('retry-after'))
		const waitMinutes = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter / 60) : 1
		return new CaptionTimingError('rateLimited', { minutes: waitMinutes }, { cause: error })
	}
	if (error instanceof OpenAI.APIConnectionTimeoutError) return new CaptionTimingError('timeout', {}, { cause: error })
	if (error instanceof OpenAI.APIConnectionError) return new CaptionTimingError('unreachable', {}, { cause: error })
	if (error instanceof OpenAI.InternalServerError) return new CaptionTimingError('serviceError', { status: error.status }, { cause: error })
	if (error instanceof OpenAI.APIError) return new CaptionTimingError('rejected', { status: error.status ?? 0, reason: error.message }, { cause: error })
	return error
}
