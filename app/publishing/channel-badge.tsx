import type { ChannelPlatform } from './channel-kinds.ts'

// A channel's platform at a glance (the channel list, the composer, the
// calendar): the platform's own colour and letter, with its name for screen readers.

const LOOK: Record<ChannelPlatform, { letter: string; className: string }> = {
	facebook_page: { letter: 'f', className: 'bg-[#1877f2] text-white' },
	zalo_oa: { letter: 'Z', className: 'bg-[#0068ff] text-white' },
	tiktok: { letter: '♪', className: 'bg-black text-white' },
	manual: { letter: '✋', className: 'bg-stone-200 text-stone-800' },
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
