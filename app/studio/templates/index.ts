import { farmDay } from './farm-day.ts'
import { freeCut } from './free-cut.ts'
import { productIntro } from './product-intro.ts'
import { promotion } from './promotion.ts'
import type { TemplateChoices, TemplateContext, TemplateDefinition, TemplateId, TemplateNote, TemplateProblem, TemplateResult, Translate } from './types.ts'

// The ready-made templates, in the order the studio lists them. Each is a
// pure function from the person's choices to an edit spec
// (docs/decisions/031-templates.md).

export const TEMPLATES: readonly TemplateDefinition[] = [productIntro, farmDay, promotion, freeCut]

export const TEMPLATE_IDS = TEMPLATES.map((template) => template.id) as [TemplateId, ...TemplateId[]]

export function findTemplate(id: string): TemplateDefinition | undefined {
	return TEMPLATES.find((template) => template.id === id)
}

/** Fills in a template; an unknown id is the caller's bug. */
export function buildFromTemplate(id: TemplateId, choices: TemplateChoices, context: TemplateContext): TemplateResult {
	const template = findTemplate(id)
	if (!template) throw new Error(`Unknown template "${id}"`)
	return template.build(choices, context)
}

/** What the studio screen shows for each template, in the reader's language. */
export function describeTemplates(t: Translate) {
	return TEMPLATES.map((template) => ({
		id: template.id,
		name: t(`studio-templates:${template.nameKey}`),
		description: t(`studio-templates:${template.descriptionKey}`),
		needsText: t(`studio-templates:${template.needsKey}`),
		needs: template.needs,
	}))
}

/** A problem (why the template cannot be filled in yet) or a note (what it left out), in words saying what to do next. */
export function describeTemplateMessage(message: TemplateProblem | TemplateNote, kind: 'problems' | 'notes', t: Translate): string {
	return t(`studio-templates:${kind}.${message.code}`, message.params ?? {})
}

export type { TemplateChoices, TemplateContext, TemplateDefinition, TemplateId, TemplateNote, TemplateProblem, TemplateResult } from './types.ts'
export { templateContext, templatesTranslator } from './translator.ts'
