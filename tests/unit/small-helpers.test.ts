import { expect, test } from 'vitest'
import { CreateInviteSchema } from '~/accounts/coop-schemas.ts'
import { certificationLabel } from '~/products/certification-label.ts'
import { thumbnailUrl } from '~/products/thumbnails.ts'
import { isActiveCaptionTimingStatus } from '~/studio/captions/caption-timing-status.ts'
import { captionSafeArea } from '~/studio/captions/safe-area.ts'
import { CaptionTimingError } from '~/studio/captions/timing-error.ts'
import { formatVnd } from '~/utils/money.ts'

test('prices in English put the đồng sign first, the way en-US writes currencies', () => {
	expect(formatVnd(1_250_000, 'en')).toBe('₫1,250,000')
})

test('a product photo thumbnail is served by the media library, its id escaped', () => {
	expect(thumbnailUrl('m/1 2')).toBe('/library/m%2F1%202/thumb')
})

test('known certifications are translated, free ones shown as typed', () => {
	const t = ((key: string) => `«${key}»`) as Parameters<typeof certificationLabel>[0]
	expect(certificationLabel(t, 'vietgap')).toBe('«products:certifications.vietgap»')
	expect(certificationLabel(t, 'Chỉ dẫn địa lý')).toBe('Chỉ dẫn địa lý')
})

test('an invite without a known role says that a role is needed', () => {
	const result = CreateInviteSchema.safeParse({ role: 'boss' })
	expect(result.error?.issues.map((issue) => issue.message)).toEqual(['errors.roleRequired'])
})

test('the caption safe area: tall video keeps clear of the platform buttons, square and 4:5 and landscape keep an edge', () => {
	expect(captionSafeArea(1080, 1920)).toEqual({ left: 86, right: 162, top: 230, bottom: 422 })
	// 0.7 is still tall: the buttons cover it the same way.
	expect(captionSafeArea(700, 1000)).toEqual({ left: 56, right: 105, top: 120, bottom: 220 })
	expect(captionSafeArea(1080, 1350)).toEqual({ left: 65, right: 65, top: 81, bottom: 108 })
	// 1.05 still counts as square.
	expect(captionSafeArea(1050, 1000)).toEqual({ left: 63, right: 63, top: 60, bottom: 80 })
	expect(captionSafeArea(1920, 1080)).toEqual({ left: 96, right: 96, top: 65, bottom: 86 })
})

test('a caption timing failure names its problem in the log, with its cause', () => {
	const cause = new Error('ETIMEDOUT')
	const error = new CaptionTimingError('timeout', {}, { cause })
	expect(String(error)).toBe('CaptionTimingError: Caption timing failed: timeout')
	expect(error.cause).toBe(cause)
})

test('a caption timing still owes work while queued or running, not once ready or failed', () => {
	expect(['queued', 'running', 'ready', 'failed', 'lost'].filter(isActiveCaptionTimingStatus)).toEqual(['queued', 'running'])
})
