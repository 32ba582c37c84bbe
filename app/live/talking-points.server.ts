import OpenAI from 'openai'
import { z } from 'zod'
import { copySettingsFromEnv, type CopySettings } from '~/publishing/ai-copy.server.ts'
import { offlineTalkingPoints, type TalkingFacts } from './talking-points.ts'

// Talking points through OpenAI's structured output when a key is set (the
// same settings as post copy), the offline template when not or when the
// call fails. The host edits them on the run sheet either way.

const answerSchema = z.object({ points: z.array(z.string().min(1)).min(1).max(8) })

const JSON_SCHEMA = {
	type: 'object',
	additionalProperties: false,
	required: ['points'],
	properties: { points: { type: 'array', items: { type: 'string' }, description: 'Short spoken points in Vietnamese, one sentence each' } },
} as const

export async function writeTalkingPoints(facts: TalkingFacts, settings: CopySettings = copySettingsFromEnv()): Promise<{ text: string; source: 'openai' | 'offline' }> {
	if (!settings.apiKey) return { text: offlineTalkingPoints(facts), source: 'offline' }
	const client = new OpenAI({ apiKey: settings.apiKey, baseURL: settings.baseURL, timeout: settings.timeoutMs, maxRetries: settings.maxRetries })
	try {
		const completion = await client.chat.completions.create({
			model: settings.model,
			messages: [
				{
					role: 'system',
					content:
						'Bạn soạn ý nói cho người dẫn livestream bán nông sản của một hợp tác xã vùng núi phía Bắc. ' +
						'Chỉ dùng sự thật được cung cấp; không bịa giá, chứng nhận hay công dụng chữa bệnh. ' +
						'Tối đa 6 ý, mỗi ý một câu ngắn dễ đọc to; ý cuối nhắc cách chốt đơn bằng mã sản phẩm.',
				},
				{ role: 'user', content: JSON.stringify(facts) },
			],
			response_format: { type: 'json_schema', json_schema: { name: 'talking_points', strict: true, schema: JSON_SCHEMA } },
		})
		const parsed = answerSchema.parse(JSON.parse(completion.choices[0]?.message?.content ?? ''))
		return { text: parsed.points.map((point) => `• ${point.trim().replace(/^•\s*/, '')}`).join('\n'), source: 'openai' }
	} catch (error) {
		console.warn(`talking points: OpenAI failed (${(error as Error).message}); offline template used instead`)
		return { text: offlineTalkingPoints(facts), source: 'offline' }
	}
}
