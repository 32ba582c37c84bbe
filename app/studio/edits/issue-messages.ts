import { describeSpecIssue } from '~/studio/spec/messages.ts'
import type { SpecIssue } from '~/studio/spec/issues.ts'

// Problems only the studio's database side can find (a file still being
// processed) are worded in studio-screen.json; everything else in studio.json.
// Both read "Mục 2 (clip “doi-che.mp4”): …" through describeSpecIssue.

type Translate = (key: string, options?: Record<string, unknown>) => string

const STUDIO_SCREEN_ISSUE_CODES = new Set(['media.stillProcessing'])

export function describeEditIssue(specIssue: SpecIssue, t: Translate): string {
	const translate: Translate = (key, options) => {
		const code = key.replace(/^studio:spec\.issues\./, '')
		return code !== key && STUDIO_SCREEN_ISSUE_CODES.has(code) ? t(`studio-screen:issues.${code}`, options) : t(key, options)
	}
	return describeSpecIssue(specIssue, translate)
}
