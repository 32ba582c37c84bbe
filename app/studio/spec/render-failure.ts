import type { SpecIssue } from './issues.ts'
import { describeSpecIssue } from './messages.ts'

// Why a render job failed, carried in BullMQ's failedReason (a string) from
// the stateless render worker to whoever shows it: the studio translates the
// code, the log keeps the detail.

export type RenderFailureCode = 'ffmpegFailed' | 'clipCutShort' | 'outputInvalid' | 'outputTooLarge' | 'cancelled' | 'unexpected'

export type RenderFailure =
	| { code: 'rejected'; issues: SpecIssue[] }
	| { code: RenderFailureCode; params?: Record<string, string | number>; detail?: string }

const PREFIX = 'render-failure:'

export function encodeRenderFailure(failure: RenderFailure): string {
	return PREFIX + JSON.stringify(failure)
}

/** Reads a failedReason; anything this module did not write is "unexpected", with the text as detail. */
export function decodeRenderFailure(reason: string | undefined): RenderFailure {
	if (reason?.startsWith(PREFIX)) {
		try {
			return JSON.parse(reason.slice(PREFIX.length)) as RenderFailure
		} catch {
			// Fall through: a truncated reason is still a failure to report.
		}
	}
	return { code: 'unexpected', detail: reason }
}

type Translate = (key: string, options?: Record<string, unknown>) => string

/** The sentences to show: a rejected edit lists every problem, item by item. */
export function describeRenderFailure(failure: RenderFailure, t: Translate): string[] {
	if (failure.code === 'rejected') return [t('studio:render.errors.invalidSpec'), ...failure.issues.map((issue) => describeSpecIssue(issue, t))]
	return [t(`studio:render.errors.${failure.code}`, failure.params ?? {})]
}
