import { expect, test } from 'vitest'
import { describeDevice } from '~/accounts/device.ts'

const cases: [string, string | null, string | null][] = [
	[
		'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
		'Chrome',
		'Android',
	],
	[
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
		'Safari',
		'iPhone',
	],
	[
		'Mozilla/5.0 (Linux; Android 12; Redmi Note 11) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0 Mobile Safari/537.36 Zalo android/12100613 ZaloTheme/light',
		'Zalo',
		'Android',
	],
	[
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/118.0.220 Chrome/112.0 Safari/537.36',
		'Cốc Cốc',
		'Windows',
	],
	[
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0',
		'Edge',
		'Windows',
	],
	['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.2; rv:121.0) Gecko/20100101 Firefox/121.0', 'Firefox', 'macOS'],
	[
		'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/440.0]',
		'Facebook',
		'iPhone',
	],
]

test.each(cases)('%s', (ua, browser, system) => {
	expect(describeDevice(ua)).toEqual({ browser, system })
})

test('no user agent gives no guess', () => {
	expect(describeDevice(null)).toEqual({ browser: null, system: null })
	expect(describeDevice('curl/8.0')).toEqual({ browser: null, system: null })
})
