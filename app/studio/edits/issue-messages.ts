import { describeSpecIssue } from '~/studio/spec/messages.ts'
import type { SpecIssue } from '~/studio/spec/issues.ts'

// Problems only the studio's database side can find (a file still being
// processed) are worded in studio-screen.json; everything else in studio.json.
// Both read "Mục 2 (clip “doi-che.mp4”): …" through describeSpecIssue.

type Translate = (key: string, options?: Record<string, unknown>) => string

/** Problems only the studio's database side finds, worded in studio-screen.json. */
const isStudioScreenIssue = (code: string) => code === 'media.stillProcessing'

export function describeEditIssue(specIssue: SpecIssue, t: Translate): string {
	if (!isStudioScreenIssue(specIssue.code)) return describeSpecIssue(specIssue, t)
	const issueKey = `studio:spec.issues.${specIssue.code}`
	return describeSpecIssue(specIssue, (key, options) => (key === issueKey ? t(`studio-screen:issues.${specIssue.code}`, options) : t(key, options)))
}
