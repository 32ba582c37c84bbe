// PLACEHOLDER from the composer branch (issue 11): the insights helper owns
// this component and draws the real chart; its version replaces this one at
// merge. This one lists the numbers so the post page has them meanwhile.

export type ChartSnapshot = { takenAt: string | Date; views: number | null; likes: number | null; comments: number | null; shares: number | null }

export function EngagementChart({ snapshots }: { snapshots: ChartSnapshot[] }) {
	if (snapshots.length === 0) return null
	return (
		<ul className="text-sm text-stone-700" data-testid="engagement-numbers">
			{snapshots.map((snapshot) => (
				<li key={String(snapshot.takenAt)}>
					{new Date(snapshot.takenAt).toISOString().slice(0, 16).replace('T', ' ')} · 👁 {snapshot.views ?? '–'} · 👍 {snapshot.likes ?? '–'} · 💬{' '}
					{snapshot.comments ?? '–'} · ↗ {snapshot.shares ?? '–'}
				</li>
			))}
		</ul>
	)
}
