// The run sheet's small rules: the checklist stored as JSON on the session,
// and which list a session belongs to on /live.

export type ChecklistItem = { id: string; label: string; done: boolean }

/** Every live starts with these four; labels are i18n keys until someone renames them. */
export const DEFAULT_CHECKLIST: ChecklistItem[] = [
	{ id: 'light', label: 'live:checklist.light', done: false },
	{ id: 'sound', label: 'live:checklist.sound', done: false },
	{ id: 'price-board', label: 'live:checklist.priceBoard', done: false },
	{ id: 'payment-qr', label: 'live:checklist.paymentQr', done: false },
]

/** Reads the stored checklist; a damaged value reads as empty rather than breaking the page. */
export function parseChecklist(json: string): ChecklistItem[] {
	let value: unknown
	try {
		value = JSON.parse(json)
	} catch {
		return []
	}
	if (!Array.isArray(value)) return []
	return value
		.filter((entry) => typeof entry?.id === 'string' && typeof entry?.label === 'string')
		.map((entry) => ({ id: entry.id as string, label: entry.label as string, done: entry.done === true }))
}

export function toggleChecklist(items: ChecklistItem[], id: string, done: boolean): ChecklistItem[] {
	return items.map((item) => (item.id === id ? { ...item, done } : item))
}

/** Adds a line (trimmed, NFC, at most 80 characters) with a fresh id; a blank label changes nothing. */
export function addChecklistItem(items: ChecklistItem[], label: string, id: string): ChecklistItem[] {
	const clean = label.normalize('NFC').trim().slice(0, 80)
	return clean ? [...items, { id, label: clean, done: false }] : items
}

export function removeChecklistItem(items: ChecklistItem[], id: string): ChecklistItem[] {
	return items.filter((item) => item.id !== id)
}

export type SessionListKind = 'planned' | 'live' | 'past'

/** Which list of /live a session is in. */
export function listKindOf(state: string): SessionListKind {
	if (state === 'live') return 'live'
	if (state === 'ended') return 'past'
	return 'planned'
}

export const LIVE_STATES = ['planned', 'live', 'ended'] as const
export type LiveState = (typeof LIVE_STATES)[number]

/** start: planned → live; end: live → ended. Anything else is refused. */
export function nextLiveState(from: string, move: 'start' | 'end'): LiveState | null {
	if (move === 'start' && from === 'planned') return 'live'
	if (move === 'end' && from === 'live') return 'ended'
	return null
}
