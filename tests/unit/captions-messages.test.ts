import { describe, expect, test } from 'vitest'
import en from '~/locales/en/studio-captions.json'
import vi from '~/locales/vi/studio-captions.json'
import type { ClipFlagKind, SuggestionReason } from '#workers/analysis/scoring.ts'
import type { SrtProblem } from '~/studio/captions/srt.ts'
import type { CaptionTimingProblem } from '~/studio/captions/timing-error.ts'

// Every code the captions and analysis modules can produce has a message in both languages.
const timingProblems: Record<CaptionTimingProblem, true> = {
	noKey: true, badKey: true, rateLimited: true, serviceError: true, timeout: true, unreachable: true, rejected: true, noAudio: true, unreadable: true,
	unexpected: true,
}
const srtProblems: Record<SrtProblem, true> = { timing: true, endBeforeStart: true }
const reasons: Record<SuggestionReason, true> = { motion: true, sound: true, sceneChange: true, steady: true, bright: true }
const flags: Record<ClipFlagKind, true> = { shaky: true, dark: true, silent: true }

function keys(value: unknown, prefix = ''): string[] {
	return typeof value === 'object' && value !== null
		? Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key))
		: [prefix]
}

describe('studio-captions messages', () => {
	test('both languages have the same keys', () => {
		expect(keys(vi).sort()).toEqual(keys(en).sort())
	})

	test.each([vi, en])('every problem, reason and flag has a message', (messages) => {
		for (const problem of Object.keys(timingProblems)) expect(messages.timing.errors).toHaveProperty(problem)
		for (const problem of Object.keys(srtProblems)) expect(messages.srt.errors[problem as SrtProblem]).toContain('{{cue}}')
		for (const reason of Object.keys(reasons)) expect(messages.highlights.reasons).toHaveProperty(reason)
		for (const flag of Object.keys(flags)) expect(messages.flags).toHaveProperty(flag)
		expect(messages.timing.errors.badKey.length).toBeGreaterThan(10)
	})
})
