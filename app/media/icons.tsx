// Small line icons drawn inline: phones without an emoji font (and headless
// browsers) would show empty boxes for emoji.

type IconProps = { className?: string }

const common = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round', strokeLinejoin: 'round', viewBox: '0 0 24 24' } as const

export function PhotoIcon({ className }: IconProps) {
	return (
		<svg {...common} className={className} aria-hidden>
			<rect x="3" y="4" width="18" height="16" rx="2" />
			<circle cx="9" cy="10" r="2" />
			<path d="m21 16-5-5-9 9" />
		</svg>
	)
}

export function VideoIcon({ className }: IconProps) {
	return (
		<svg {...common} className={className} aria-hidden>
			<rect x="2" y="6" width="14" height="12" rx="2" />
			<path d="m16 10 6-3v10l-6-3" />
		</svg>
	)
}

export function AudioIcon({ className }: IconProps) {
	return (
		<svg {...common} className={className} aria-hidden>
			<path d="M9 18V5l12-2v13" />
			<circle cx="6" cy="18" r="3" />
			<circle cx="18" cy="16" r="3" />
		</svg>
	)
}

export function PlusIcon({ className }: IconProps) {
	return (
		<svg {...common} strokeWidth={2.4} className={className} aria-hidden>
			<path d="M12 5v14M5 12h14" />
		</svg>
	)
}

export function KindIcon({ kind, className }: { kind: string } & IconProps) {
	if (kind === 'video') return <VideoIcon className={className} />
	if (kind === 'audio') return <AudioIcon className={className} />
	return <PhotoIcon className={className} />
}
