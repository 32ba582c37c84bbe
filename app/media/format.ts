// How the library writes durations and sizes, in the person's language.

/** 65_400 → "1:05"; 3_725_000 → "1:02:05". */
export function formatDuration(ms: number): string {
	const totalSeconds = Math.round(ms / 1000)
	const hours = Math.floor(totalSeconds / 3600)
	const minutes = Math.floor((totalSeconds % 3600) / 60)
	const seconds = String(totalSeconds % 60).padStart(2, '0')
	return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const

/** 2_147_483_648 → "2 GB"; 21_500_000 in Vietnamese → "20,5 MB". */
export function formatBytes(bytes: number, lng: string): string {
	let value = bytes
	let unit = 0
	while (value >= 1024 && unit < UNITS.length - 1) {
		value /= 1024
		unit++
	}
	return new Intl.NumberFormat(lng === 'vi' ? 'vi-VN' : 'en-US', {
		style: 'unit',
		unit: UNITS[unit],
		unitDisplay: 'short',
		maximumFractionDigits: unit >= 2 ? 1 : 0,
	}).format(value)
}
