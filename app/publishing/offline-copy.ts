import { formatVnd } from '~/utils/money.ts'
import { type CaptionChannel, CAPTION_LIMITS } from './caption-limits.ts'

// Vietnamese post copy without any key: written from the product's facts and
// the video's own captions, in one of three tones. The person always edits it
// before scheduling; OpenAI, when configured, writes the same shape
// (ai-copy.server.ts) and falls back to this.

export type CopyTone = 'friendly' | 'story' | 'promo'
export const COPY_TONES: CopyTone[] = ['friendly', 'story', 'promo']

export type CopyFacts = {
	coopName: string
	product: {
		name: string
		code: string
		priceVnd: number
		unit: string
		growingArea: string | null
		producerGroup: string | null
		certifications: string[]
		harvestDay: string | null
		orderPhone: string | null
	} | null
	/** The video's caption lines in order (what is said on screen). */
	videoCaptions: string[]
	link: string | null
}

export type PostCopy = { caption: string; hashtags: string[] }

/** "Chè Shan tuyết" → "#chèshantuyết": accents kept, spaces and punctuation dropped, lower case. */
export function toHashtag(words: string): string | null {
	const tag = words
		.normalize('NFC')
		.toLocaleLowerCase('vi')
		.replace(/[^\p{L}\p{N}]+/gu, '')
	return tag.length >= 2 ? `#${tag}` : null
}

export function hashtagsFor(facts: CopyFacts, channel: CaptionChannel): string[] {
	const product = facts.product
	const candidates = [
		product && toHashtag(product.name),
		product?.growingArea && toHashtag(product.growingArea.split(',').at(-1) ?? product.growingArea),
		product?.certifications.some((c) => /ocop/i.test(c)) ? '#ocop' : null,
		product?.certifications.some((c) => /vietgap/i.test(c)) ? '#vietgap' : null,
		'#nôngsảnviệt',
		toHashtag(facts.coopName),
	]
	const unique = [...new Set(candidates.filter((tag): tag is string => Boolean(tag)))]
	return unique.slice(0, CAPTION_LIMITS[channel].maxHashtags)
}

function sentence(text: string) {
	const trimmed = text.trim()
	return trimmed && !/[.!?…]$/.test(trimmed) ? `${trimmed}.` : trimmed
}

function priceLine(product: NonNullable<CopyFacts['product']>) {
	return `💰 ${formatVnd(product.priceVnd)}/${product.unit}`
}

function orderLines(facts: CopyFacts) {
	const product = facts.product
	const lines: string[] = []
	if (product) lines.push(`🛒 Đặt hàng: bình luận "${product.code}" kèm số lượng${product.orderPhone ? ` hoặc gọi/Zalo ${product.orderPhone}` : ''}.`)
	if (facts.link) lines.push(`👉 ${facts.link}`)
	return lines
}

function originLine(product: NonNullable<CopyFacts['product']>) {
	const parts = [product.growingArea && `vùng ${product.growingArea}`, product.producerGroup && `do ${product.producerGroup} làm ra`].filter(Boolean)
	return parts.length ? `🌿 ${product.name} từ ${parts.join(', ')}.` : null
}

/** The first spoken line worth quoting: long enough to say something, short enough to read. */
function quote(captions: string[]) {
	return captions.map((line) => line.trim()).find((line) => line.length >= 12 && line.length <= 120) ?? null
}

export function offlineCopy(facts: CopyFacts, tone: CopyTone, channel: CaptionChannel): PostCopy {
	const product = facts.product
	const spoken = quote(facts.videoCaptions)
	const lines: Array<string | null> = []
	if (tone === 'story') {
		lines.push(spoken ? `“${sentence(spoken)}”` : `Một ngày cùng ${facts.coopName}.`)
		if (product) {
			lines.push(originLine(product))
			if (product.harvestDay) lines.push(`📅 Mẻ thu hái ngày ${product.harvestDay.split('-').reverse().join('/')}.`)
			lines.push(`Mỗi ${product.unit} ${product.name} là công sức của bà con trên nương. ${priceLine(product)}`)
		}
	} else if (tone === 'promo') {
		lines.push(product ? `🔥 ${product.name.toLocaleUpperCase('vi')} – ĐANG CÓ HÀNG MỚI!` : `🔥 Hàng mới về tại ${facts.coopName}!`)
		if (product) {
			lines.push(priceLine(product))
			if (product.certifications.length) lines.push(`✅ ${product.certifications.join(' · ')}`)
		}
		if (spoken) lines.push(sentence(spoken))
		lines.push('Số lượng có hạn, chốt sớm kẻo hết nhé!')
	} else {
		lines.push(product ? `Chào cả nhà 👋 Hôm nay ${facts.coopName} gửi tới ${product.name} thơm ngon, sạch từ gốc.` : `Chào cả nhà 👋 ${facts.coopName} gửi lời chào từ nương.`)
		if (spoken) lines.push(sentence(spoken))
		if (product) {
			lines.push(originLine(product))
			lines.push(priceLine(product))
		}
	}
	lines.push(...orderLines(facts))
	const body = lines.filter((line): line is string => Boolean(line)).join('\n')
	const hashtags = hashtagsFor(facts, channel)
	return { caption: fitCaption(`${body}\n\n${hashtags.join(' ')}`.trim(), channel), hashtags }
}

/**
 * Keeps a caption inside the platform's limit by dropping whole lines from the
 * middle of the story (never the order line or the hashtags), then cutting.
 */
export function fitCaption(caption: string, channel: CaptionChannel): string {
	const max = CAPTION_LIMITS[channel].maxLength
	if (caption.length <= max) return caption
	const lines = caption.split('\n')
	while (lines.length > 3 && lines.join('\n').length > max) lines.splice(1, 1)
	const joined = lines.join('\n')
	return joined.length <= max ? joined : `${joined.slice(0, max - 1)}…`
}
