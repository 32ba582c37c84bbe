import OpenAI from 'openai'
import { z } from 'zod'
import { getEnv } from '~/utils/env.server.ts'
import { CAPTION_LIMITS, type CaptionChannel } from './caption-limits.ts'
import { fitCaption, offlineCopy, type CopyFacts, type CopyTone, type PostCopy } from './offline-copy.ts'

// "Viết bằng AI": Vietnamese copy through OpenAI's structured output when a
// key is set, the offline templates when not or when the call fails. Either
// way the person edits it before anything is scheduled.

export type CopySource = 'openai' | 'offline'

const answerSchema = z.object({
	caption: z.string().min(1),
	hashtags: z.array(z.string()),
})

const JSON_SCHEMA = {
	type: 'object',
	additionalProperties: false,
	required: ['caption', 'hashtags'],
	properties: {
		caption: { type: 'string', description: 'The post text in Vietnamese, without hashtags' },
		hashtags: { type: 'array', items: { type: 'string' }, description: 'Hashtags starting with #, Vietnamese with accents, no spaces' },
	},
} as const

const TONE_WORDS: Record<CopyTone, string> = {
	friendly: 'thân thiện, gần gũi như người trong bản nói chuyện với khách',
	story: 'kể chuyện: con người, nương đồi, mùa vụ phía sau sản phẩm',
	promo: 'khuyến mãi: ngắn, rõ giá, thúc giục chốt đơn nhưng không nói quá sự thật',
}

export type CopySettings = { apiKey?: string; baseURL?: string; model: string; timeoutMs: number; maxRetries: number }

export function copySettingsFromEnv(): CopySettings {
	const env = getEnv()
	return { apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model: env.OPENAI_COPY_MODEL, timeoutMs: env.OPENAI_TIMEOUT_MS, maxRetries: env.OPENAI_MAX_RETRIES }
}

export async function writePostCopy(
	facts: CopyFacts,
	tone: CopyTone,
	channel: CaptionChannel,
	settings: CopySettings = copySettingsFromEnv(),
): Promise<PostCopy & { source: CopySource }> {
	if (!settings.apiKey) return { ...offlineCopy(facts, tone, channel), source: 'offline' }
	const client = new OpenAI({ apiKey: settings.apiKey, baseURL: settings.baseURL, timeout: settings.timeoutMs, maxRetries: settings.maxRetries })
	const limit = CAPTION_LIMITS[channel]
	try {
		const completion = await client.chat.completions.create({
			model: settings.model,
			messages: [
				{
					role: 'system',
					content:
						'Bạn viết bài đăng mạng xã hội bằng tiếng Việt cho một hợp tác xã nông sản vùng núi phía Bắc. ' +
						'Chỉ dùng sự thật được cung cấp; không bịa giá, chứng nhận hay công dụng chữa bệnh. ' +
						`Giọng văn: ${TONE_WORDS[tone]}. Tối đa ${Math.min(limit.maxLength, 900)} ký tự, tối đa ${limit.maxHashtags} hashtag. ` +
						'Luôn kết thúc bằng cách đặt hàng (mã sản phẩm để bình luận, số điện thoại hoặc đường link nếu có).',
				},
				{ role: 'user', content: JSON.stringify({ channel, ...facts }) },
			],
			response_format: { type: 'json_schema', json_schema: { name: 'post_copy', strict: true, schema: JSON_SCHEMA } },
		})
		const text = completion.choices[0]?.message?.content ?? ''
		const parsed = answerSchema.parse(JSON.parse(text))
		const hashtags = parsed.hashtags
			.map((tag) => `#${tag.replace(/^#+/, '').replace(/\s+/g, '')}`)
			.filter((tag) => tag.length > 2)
			.slice(0, limit.maxHashtags)
		const caption = fitCaption(`${parsed.caption.trim()}\n\n${hashtags.join(' ')}`.trim(), channel)
		return { caption, hashtags, source: 'openai' }
	} catch (error) {
		console.warn(`post copy: OpenAI failed (${(error as Error).message}); offline templates used instead`)
		return { ...offlineCopy(facts, tone, channel), source: 'offline' }
	}
}
