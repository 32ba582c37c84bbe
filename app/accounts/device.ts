// A short, recognisable name for the device behind a session, from its
// User-Agent. Order matters: in-app browsers and Chromium forks also say
// "Chrome" and "Safari", so the specific names are tried first.

const BROWSERS: [RegExp, string][] = [
	[/\bZalo\b/i, 'Zalo'],
	[/\bFBAN|FBAV|FB_IAB/, 'Facebook'],
	[/coc_coc_browser/i, 'Cốc Cốc'],
	[/\bEdgA?\//, 'Edge'],
	[/\bOPR\/|Opera/, 'Opera'],
	[/SamsungBrowser/, 'Samsung Internet'],
	[/Firefox\/|FxiOS/, 'Firefox'],
	[/Chrome\/|CriOS|Chromium/, 'Chrome'],
	[/Safari\//, 'Safari'],
]

const SYSTEMS: [RegExp, string][] = [
	[/Android/, 'Android'],
	[/iPhone/, 'iPhone'],
	[/iPad/, 'iPad'],
	[/CrOS/, 'ChromeOS'],
	[/Windows/, 'Windows'],
	[/Mac OS X|Macintosh/, 'macOS'],
	[/Linux/, 'Linux'],
]

export type DeviceDescription = { browser: string | null; system: string | null }

export function describeDevice(userAgent: string | null | undefined): DeviceDescription {
	const ua = userAgent ?? ''
	const pick = (table: [RegExp, string][]) => table.find(([pattern]) => pattern.test(ua))?.[1] ?? null
	return { browser: pick(BROWSERS), system: pick(SYSTEMS) }
}
