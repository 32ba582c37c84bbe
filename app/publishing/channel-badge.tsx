import type { ChannelPlatform } from './channel-kinds.ts'

// A channel's platform at a glance (the channel list, the composer, the
// calendar): the platform's own colour and letter, with its name for screen readers.

// Manual channels: "share out of the app" drawn, not an emoji (phones without an emoji font show a box).
const SHARE = (
	<svg viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
		<path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
	</svg>
)

const LOOK: Record<ChannelPlatform, { letter: React.ReactNode; className: string }> = {
	facebook_page: { letter: 'f', className: 'bg-[#1877f2] text-white' },
	zalo_oa: { letter: 'Z', className: 'bg-[#0068ff] text-white' },
	tiktok: { letter: '♪', className: 'bg-black text-white' },
	manual: { letter: SHARE, className: 'bg-stone-200 text-stone-800' },
}

export function ChannelBadge({ platform, label }: { platform: ChannelPlatform; label: string }) {
	const look = LOOK[platform]
	return (
		<span
			className={`inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-lg text-lg font-bold ${look.className}`}
			role="img"
			aria-label={label}
			title={label}
		>
			{look.letter}
		</span>
	)
}
