import { describe, expect, test } from 'vitest'
import { describeVisitor, deviceClass, isBot } from '~/links/device.ts'

const UA = {
	androidChrome: 'Mozilla/5.0 (Linux; Android 12; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
	zaloInApp: 'Mozilla/5.0 (Linux; Android 11; Redmi 9A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0 Mobile Safari/537.36 Zalo android/12100608 ZaloTheme/light ZaloLanguage/vi',
	facebookInApp: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/440.0]',
	iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
	ipad: 'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
	androidTablet: 'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
	galaxyTab: 'Mozilla/5.0 (Linux; Android 9; SM-T295) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
	kaios: 'Mozilla/5.0 (Mobile; Nokia 8110 4G; rv:48.0) Gecko/48.0 Firefox/48.0 KAIOS/2.5',
	operaMini: 'Opera/9.80 (J2ME/MIDP; Opera Mini/9.80 (S60; SymbOS; Opera Mobi/23.348; U; en) Presto/2.5.25 Version/10.54',
	windows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
	mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
	linux: 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
	chromebook: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
	coccoc: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/117.0.180 Chrome/111.0.0.0 Safari/537.36',
}

const BOTS = [
	'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
	'facebookcatalog/1.0',
	'meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)',
	'Mozilla/5.0 (compatible; Zalo-Preview/1.0)',
	'ZaloBot/1.0',
	'Mozilla/5.0 (Linux) zalo-link-crawler',
	'TelegramBot (like TwitterBot)',
	'WhatsApp/2.23.20.0 A',
	'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
	'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0 Safari/537.36',
	'Twitterbot/1.0',
	'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
	'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
	'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
	'Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)',
	'Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)',
	'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)',
	'curl/8.5.0',
	'Wget/1.21.4',
	'python-requests/2.31.0',
	'Go-http-client/1.1',
	'okhttp/4.12.0',
	'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
	'axios/1.6.2',
	'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
	'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse',
	'Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1',
	'Mozilla/5.0 (iPhone; CPU iPhone OS 13_2_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.0.3 Mobile/15E148 Safari/604.1 (Applebot/0.1)',
	'Viber/20.6',
]

describe('isBot', () => {
	test.each(BOTS)('%s is a machine', (ua) => {
		expect(isBot(ua)).toBe(true)
	})

	test.each(Object.entries(UA))('%s is a person', (_name, ua) => {
		expect(isBot(ua)).toBe(false)
	})

	test('no User-Agent at all is a machine', () => {
		expect(isBot('')).toBe(true)
		expect(isBot('   ')).toBe(true)
		expect(isBot(null)).toBe(true)
		expect(isBot(undefined)).toBe(true)
	})

	test('"bot" only as a word or product token, not inside another word', () => {
		expect(isBot('Mozilla/5.0 (Linux; Android 10; Abbott-X) Mobile Safari')).toBe(false)
		expect(isBot('SomeBot/2.0')).toBe(true)
		expect(isBot('a bot here')).toBe(true)
	})
})

describe('deviceClass', () => {
	test('phones', () => {
		for (const ua of [UA.androidChrome, UA.zaloInApp, UA.facebookInApp, UA.iphone, UA.kaios, UA.operaMini]) expect(deviceClass(ua)).toBe('mobile')
		expect(deviceClass('Mozilla/5.0 (Windows Phone 10.0; Android 6.0.1; Microsoft; Lumia 950) Mobile Safari/537.36')).toBe('mobile')
		expect(deviceClass('Mozilla/5.0 (iPod touch; CPU iPhone OS 12_5 like Mac OS X)')).toBe('mobile')
		expect(deviceClass('Mozilla/5.0 (BB10; Touch) AppleWebKit/537.10+')).toBe('mobile')
	})
	test('tablets', () => {
		for (const ua of [UA.ipad, UA.androidTablet, UA.galaxyTab]) expect(deviceClass(ua)).toBe('tablet')
		expect(deviceClass('Mozilla/5.0 (Linux; U; Android 4.0.3; en-us; KFTT Build/IML74K) Silk/3.4 Mobile Safari')).toBe('tablet')
		expect(deviceClass('Mozilla/5.0 (Tablet; rv:26.0) Gecko/26.0 Firefox/26.0')).toBe('tablet')
	})
	test('desktops', () => {
		for (const ua of [UA.windows, UA.mac, UA.linux, UA.chromebook, UA.coccoc]) expect(deviceClass(ua)).toBe('desktop')
	})
	test('unknown when the header does not say', () => {
		expect(deviceClass('')).toBe('unknown')
		expect(deviceClass(null)).toBe('unknown')
		expect(deviceClass('curl/8.5.0')).toBe('unknown')
		expect(deviceClass('facebookexternalhit/1.1')).toBe('unknown')
	})
})

test('describeVisitor gives both', () => {
	expect(describeVisitor(UA.zaloInApp)).toEqual({ device: 'mobile', bot: false })
	expect(describeVisitor('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)')).toEqual({ device: 'unknown', bot: true })
})
