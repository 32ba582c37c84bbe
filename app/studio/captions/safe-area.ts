// Where captions may go without being hidden by the platform's own interface.
// On TikTok and Reels the caption, the account name and the music ticker
// cover roughly the bottom fifth, and the like/comment/share column the
// right ~15%; the "Following | For you" tabs sit in the top tenth. Feed and
// landscape video have no overlay, so they only keep a comfortable edge.

export type SafeArea = { left: number; right: number; top: number; bottom: number }

/** Insets in output pixels for a frame of this size. */
export function captionSafeArea(width: number, height: number): SafeArea {
	const aspect = width / height
	const insets =
		aspect <= 0.7
			? { left: 0.08, right: 0.15, top: 0.12, bottom: 0.22 }
			: aspect <= 1.05
				? { left: 0.06, right: 0.06, top: 0.06, bottom: 0.08 }
				: { left: 0.05, right: 0.05, top: 0.06, bottom: 0.08 }
	return {
		left: Math.round(width * insets.left),
		right: Math.round(width * insets.right),
		top: Math.round(height * insets.top),
		bottom: Math.round(height * insets.bottom),
	}
}
