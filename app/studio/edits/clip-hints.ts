// What clip analysis suggests about one source clip, as the studio shows it:
// the liveliest stretches (best first) and the stretches to avoid. Seconds of
// the source clip.

export type TimeRange = { start: number; end: number }

export type ClipFlag = TimeRange & { kind: 'shaky' | 'dark' | 'silent' }

export type ClipHints = { highlights: TimeRange[]; flags: ClipFlag[] }

export const NO_HINTS: ClipHints = { highlights: [], flags: [] }
