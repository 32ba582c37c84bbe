import { expect, test } from 'vitest'
import en from '~/locales/en/studio-templates.json'
import vi from '~/locales/vi/studio-templates.json'
import { TEMPLATES, TEMPLATE_IDS, describeTemplateMessage, describeTemplates, templatesTranslator } from '~/studio/templates/index.ts'
import { TEMPLATE_NOTE_CODES, TEMPLATE_PROBLEM_CODES } from '~/studio/templates/types.ts'
import { PHOTO_POST_ERROR_CODES } from '#workers/photo/errors.ts'

const translators = { vi: templatesTranslator('vi'), en: templatesTranslator('en') }

function keyPaths(value: unknown, prefix = ''): string[] {
	if (typeof value !== 'object' || value === null) return [prefix]
	return Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key))
}

test('the studio can list at least three templates with their names in Vietnamese first', () => {
	expect(TEMPLATE_IDS).toEqual(['product-intro', 'farm-day', 'promotion', 'free-cut'])
	const listed = describeTemplates(translators.vi)
	expect(listed.map((t) => t.name)).toEqual(['Giới thiệu sản phẩm', 'Một ngày trên nương chè', 'Khuyến mãi', 'Tự dựng từ cảnh của bạn'])
	expect(listed[0].needsText).toBe('2–6 clip hoặc ảnh, và một sản phẩm')
	for (const template of listed) expect(template.description.length).toBeGreaterThan(40)
	expect(describeTemplates(translators.en).map((t) => t.name)).toEqual(['Product introduction', 'A day on the tea hill', 'Promotion', 'Your own cut'])
})

test('what each template needs matches the message it shows', () => {
	for (const template of TEMPLATES) {
		const text = translators.en(`studio-templates:${template.needsKey}`)
		expect(text, template.id).toContain(`${template.needs.minVisuals}–${template.needs.maxVisuals} clips or photos`)
	}
})

test('the Vietnamese and English files have the same keys', () => {
	expect(keyPaths(en).sort()).toEqual(keyPaths(vi).sort())
})

test('every problem, note and photo post error has words in both languages, with every value filled in', () => {
	const params = { min: 2, max: 6, count: 1, name: 'doi-che.mp4', seconds: 9, oldPrice: '150.000 ₫', newPrice: '160.000 ₫', value: '2026-02-30', position: 3 }
	for (const t of Object.values(translators)) {
		for (const code of TEMPLATE_PROBLEM_CODES) {
			const text = describeTemplateMessage({ code, params }, 'problems', t)
			expect(text, code).not.toContain('problems.')
			expect(text, code).not.toContain('{{')
		}
		for (const code of TEMPLATE_NOTE_CODES) expect(describeTemplateMessage({ code, params }, 'notes', t), code).not.toMatch(/notes\.|\{\{/)
		for (const code of PHOTO_POST_ERROR_CODES) expect(t(`studio-templates:photoPost.errors.${code}`, params), code).not.toMatch(/photoPost\.|\{\{/)
	}
	expect(describeTemplateMessage({ code: 'needsMoreVisuals', params: { min: 2, count: 1 } }, 'problems', translators.vi)).toBe(
		'Mẫu này cần ít nhất 2 clip hoặc ảnh (bạn đã chọn 1). Hãy chọn thêm trong thư viện.',
	)
})
