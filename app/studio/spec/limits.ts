/** Limits that keep a render sane on a small machine; validation names the item that breaks them. */
export const SPEC_LIMITS = {
	maxItems: 60,
	maxTimelineSeconds: 600,
	minItemSeconds: 0.2,
	maxPhotoSeconds: 30,
	maxTitleSeconds: 15,
	minTransitionSeconds: 0.1,
	maxTransitionSeconds: 2,
	maxOverlays: 12,
} as const
