import { describe, expect, test, vi } from 'vitest'
import { describeEditIssue } from '~/studio/edits/issue-messages.ts'
import { isActiveRenderStatus, isRenderQuality } from '~/studio/edits/render-status.ts'
import { issue, type IssueLocation } from '~/studio/spec/issues.ts'
import { describeSpecIssue, studioTranslator } from '~/studio/spec/messages.ts'

// Where a problem is, in words: every kind of location names itself, items and
// overlays by their number counted from 1 and their kind.

/** A translator that shows which key and values were asked for. */
const keys = (key: string, options?: Record<string, unknown>) => (options && Object.keys(options).length ? `${key}${JSON.stringify(options)}` : key)
const whereOf = (at: IssueLocation) => describeSpecIssue(issue('x', at), keys).split(': ')[0]

describe('describeSpecIssue: the place of a problem', () => {
	test('items by number and kind, with their label when they have one', () => {
		expect(whereOf({ kind: 'item', index: 0, itemType: 'clip' })).toBe('studio:spec.where.item{"n":1,"kind":"studio:spec.kinds.clip"}')
		expect(whereOf({ kind: 'item', index: 2, itemType: 'title', label: 'Mở đầu' })).toBe(
			'studio:spec.where.itemLabeled{"n":3,"kind":"studio:spec.kinds.title","label":"Mở đầu"}',
		)
		expect(whereOf({ kind: 'item', index: 1, itemType: 'video', label: '' })).toBe('studio:spec.where.item{"n":2,"kind":"studio:spec.kinds.unknown"}')
		expect(whereOf({ kind: 'item', index: 1 })).toBe('studio:spec.where.item{"n":2,"kind":"studio:spec.kinds.unknown"}')
	})

	test('overlays, caption lines and music', () => {
		expect(whereOf({ kind: 'overlay', index: 0, overlayType: 'price' })).toBe('studio:spec.where.overlay{"n":1,"kind":"studio:spec.kinds.price"}')
		expect(whereOf({ kind: 'overlay', index: 4, overlayType: 'sticker' })).toBe('studio:spec.where.overlay{"n":5,"kind":"studio:spec.kinds.unknown"}')
		expect(whereOf({ kind: 'caption', index: 6 })).toBe('studio:spec.where.caption{"n":7}')
		expect(whereOf({ kind: 'music', label: 'Suối' })).toBe('studio:spec.where.musicLabeled{"label":"Suối"}')
		expect(whereOf({ kind: 'music' })).toBe('studio:spec.where.music')
		for (const kind of ['captions', 'audio', 'output', 'spec'] as const) expect(whereOf({ kind })).toBe(`studio:spec.where.${kind}`)
	})

	test('the problem itself follows the place, with its values', () => {
		expect(describeSpecIssue(issue('item.tooShort', { kind: 'spec' }, { seconds: 0.1, min: 0.5 }), keys)).toBe(
			'studio:spec.where.spec: studio:spec.issues.item.tooShort{"seconds":0.1,"min":0.5}',
		)
	})

	test('in real words, both languages', () => {
		const at: IssueLocation = { kind: 'item', index: 2, itemType: 'clip', label: 'doi-che.mp4' }
		expect(describeSpecIssue(issue('x', at), studioTranslator('vi')).startsWith('Mục 3 (clip “doi-che.mp4”): ')).toBe(true)
		expect(describeSpecIssue(issue('x', { kind: 'overlay', index: 0, overlayType: 'qr' }), studioTranslator('en')).startsWith('Overlay 1 (QR code)')).toBe(
			true,
		)
	})
})

describe('describeEditIssue: problems only the studio finds are worded by the studio screen', () => {
	test('a file still being processed', () => {
		const said = describeEditIssue(issue('media.stillProcessing', { kind: 'item', index: 0, itemType: 'clip' }, { mediaId: 'm1' }), keys)
		expect(said).toBe('studio:spec.where.item{"n":1,"kind":"studio:spec.kinds.clip"}: studio-screen:issues.media.stillProcessing{"mediaId":"m1"}')
	})

	test('everything else, and the place, as the spec words them', () => {
		expect(describeEditIssue(issue('clip.outBeforeIn', { kind: 'spec' }, { in: 2, out: 1 }), keys)).toBe(
			'studio:spec.where.spec: studio:spec.issues.clip.outBeforeIn{"in":2,"out":1}',
		)
	})
})

describe('render statuses and qualities', () => {
	test('work is owed while queued or rendering, not after', () => {
		expect(['queued', 'rendering', 'ready', 'failed', 'cancelled', 'QUEUED', ''].map(isActiveRenderStatus)).toEqual([true, true, false, false, false, false, false])
	})

	test('a quality is preview or final, and nothing else', () => {
		expect(['preview', 'final', 'draft', 'Final', '', null, undefined, 1].map(isRenderQuality)).toEqual([true, true, false, false, false, false, false, false])
	})
})

test('a clip without analysis shows no highlights and no flags', async () => {
	const { NO_HINTS } = await import('~/studio/edits/clip-hints.ts')
	expect(NO_HINTS).toEqual({ highlights: [], flags: [] })
})

describe('the studio translator for the worker log and the command line', () => {
	test('Vietnamese unless told otherwise, also for a language it does not speak; words are not HTML-escaped; nothing printed', () => {
		const info = vi.spyOn(console, 'info')
		delete (globalThis as Record<string, unknown>).__i18next_supportNoticeShown
		try {
			expect(studioTranslator()('spec.where.spec')).toBe('Bản dựng')
			expect(studioTranslator('fr' as 'vi')('spec.where.spec')).toBe('Bản dựng')
			expect(studioTranslator('en')('studio:spec.where.musicLabeled', { label: '<Suối & Mây>' })).toBe('Music bed “<Suối & Mây>”')
			expect(info).not.toHaveBeenCalled()
		} finally {
			info.mockRestore()
		}
	})
})
