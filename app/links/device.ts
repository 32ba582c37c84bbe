// What kind of device followed a link, and whether it was a person at all,
// read from the User-Agent header alone (no client hints: a redirect has no
// second round trip to ask for them). docs/decisions/183-tracked-links.md.

export type DeviceClass = 'mobile' | 'tablet' | 'desktop' | 'unknown'

// Link previews (Facebook, Zalo, Telegram, WhatsApp...) fetch every shared
// link once, and crawlers, scripts and headless browsers follow them too;
// none of them is a person who might order. Zalo's in-app browser says "Zalo"
// too but is a person: only its preview fetcher says "preview"/"bot"/"crawler".
const BOT_PATTERNS: RegExp[] = [
	/bot\b|bot\/|crawl|spider|slurp|scrap/i,
	/facebookexternalhit|facebookcatalog|meta-external|facebot/i,
	/zalo[\w-]*(?:preview|bot|crawler)|(?:preview|bot)[\w-]*zalo/i,
	/telegrambot|whatsapp|twitterbot|slackbot|discordbot|linkedinbot|skypeuripreview|pinterest|embedly|vkshare|viber/i,
	/googlebot|google-inspectiontool|adsbot-google|mediapartners-google|bingbot|bingpreview|yandex|baiduspider|duckduckbot|applebot|petalbot|ahrefs|semrush|coccoc(?:bot)?\b/i,
	/\bcurl\/|\bwget\/|python-requests|python-urllib|aiohttp|httpx|go-http-client|okhttp|java\/|libwww|node-fetch|undici|axios|postmanruntime|insomnia/i,
	/headlesschrome|phantomjs|puppeteer|playwright|selenium|lighthouse|pagespeed|gtmetrix|pingdom|uptimerobot|statuscake/i,
]

/** True for link previews, crawlers, scripts and headless browsers; also for a missing User-Agent (every browser sends one). */
export function isBot(userAgent: string | null | undefined): boolean {
	const ua = (userAgent ?? '').trim()
	if (ua === '') return true
	return BOT_PATTERNS.some((pattern) => pattern.test(ua))
}

/** Mobile, tablet, desktop, or unknown when the header does not say. */
export function deviceClass(userAgent: string | null | undefined): DeviceClass {
	const ua = userAgent ?? ''
	if (/ipad|tablet|kindle|silk\/|playbook|sm-t\d|nexus (?:7|9|10)\b/i.test(ua)) return 'tablet'
	if (/android/i.test(ua)) return /mobile/i.test(ua) ? 'mobile' : 'tablet'
	if (/iphone|ipod|windows phone|blackberry|bb10|opera mini|kaios|mobi/i.test(ua)) return 'mobile'
	if (/windows nt|macintosh|x11|cros\b|linux x86_64/i.test(ua)) return 'desktop'
	return 'unknown'
}

export type Visitor = { device: DeviceClass; bot: boolean }

export function describeVisitor(userAgent: string | null | undefined): Visitor {
	return { device: deviceClass(userAgent), bot: isBot(userAgent) }
}
