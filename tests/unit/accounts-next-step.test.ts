import { expect, test } from 'vitest'
import { nextStep } from '~/accounts/next-step.ts'

const counts = { products: 1, visuals: 1, edits: 1, videos: 0 }
const edits = { latestEditId: null, latestHasVideo: false, readyEditId: null }

test('from nothing to a scheduled video, the first missing piece is the next step, with the permission its page needs', () => {
	expect(nextStep({ ...counts, products: 0, visuals: 0 }, edits)).toEqual({ kind: 'addProduct', to: '/products/new', permission: 'create:product' })
	expect(nextStep({ ...counts, visuals: 0 }, edits)).toEqual({ kind: 'upload', to: '/library', permission: 'create:media' })
	expect(nextStep(counts, edits)).toEqual({ kind: 'makeVideo', to: '/studio/new', permission: 'create:project' })
	expect(nextStep(counts, { ...edits, latestEditId: 'e1' })).toEqual({ kind: 'finishVideo', to: '/studio/e1', permission: 'update:project' })
	expect(nextStep(counts, { ...edits, latestEditId: 'e1', latestHasVideo: true })).toEqual({ kind: 'makeAnother', to: '/studio/new', permission: 'create:project' })
})

test('a finished video not yet scheduled comes before starting or finishing another edit', () => {
	expect(nextStep(counts, { latestEditId: 'e2', latestHasVideo: false, readyEditId: 'e1' })).toEqual({ kind: 'schedule', to: '/studio/e1', permission: 'update:project' })
	expect(nextStep({ ...counts, products: 0 }, { ...edits, readyEditId: 'e1' }).kind).toBe('addProduct')
})
