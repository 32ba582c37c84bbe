import { z } from 'zod'
import { OUTPUT_FORMAT_IDS } from '~/studio/spec/formats.ts'
import type { SpecIssue } from '~/studio/spec/issues.ts'
import { buildFromTemplate, TEMPLATE_IDS, templateContext, type TemplateChoices, type TemplateNote, type TemplateProblem } from '~/studio/templates/index.ts'
import type { TemplateMedia } from '~/studio/templates/types.ts'
import { getDb } from '~/utils/db.server.ts'
import { invariantResponse } from '~/utils/responses.server.ts'
import { highlightsByMedia } from './analysis.server.ts'
import { createEdit } from './edits.server.ts'

// "New video from a template": the person's choices, read from the co-op's
// own library and catalogue, go through the template (a pure function) and
// the spec it returns becomes a new edit.

export const templateRequestSchema = z.object({
	templateId: z.enum(TEMPLATE_IDS, { errorMap: () => ({ message: 'newVideo.errors.template' }) }),
	title: z.string().trim().max(120).optional(),
	productId: z.string().optional(),
	mediaIds: z.array(z.string().min(1)).min(1, 'newVideo.errors.media').max(20),
	formats: z.array(z.enum(OUTPUT_FORMAT_IDS)).min(1, 'newVideo.errors.formats'),
	captionText: z.string().max(4000).optional(),
	musicMediaId: z.string().optional(),
	newPriceVnd: z.number().int().min(0).max(1_000_000_000).optional(),
	endsOn: z.string().optional(),
})

export type TemplateRequest = z.infer<typeof templateRequestSchema>

export type TemplateEditResult =
	| { ok: true; editId: string; notes: TemplateNote[] }
	| { ok: false; problems: TemplateProblem[]; issues: SpecIssue[] }

export async function createEditFromTemplate(
	coopId: string,
	userId: string,
	request: TemplateRequest,
	{ language, templateName }: { language: 'vi' | 'en'; templateName: string },
): Promise<TemplateEditResult> {
	const choices = await readChoices(coopId, request)
	const built = buildFromTemplate(request.templateId, choices, templateContext(language))
	if (!built.ok) return { ok: false, problems: built.problems, issues: [] }
	const created = await createEdit({
		coopId,
		userId,
		title: request.title || (choices.product ? `${templateName}: ${choices.product.name}` : templateName),
		templateId: request.templateId,
		productId: request.productId || null,
		spec: built.spec,
	})
	if (!created.ok) return { ok: false, problems: [], issues: created.issues }
	return { ok: true, editId: created.editId, notes: built.notes }
}

async function readChoices(coopId: string, request: TemplateRequest): Promise<TemplateChoices> {
	const db = getDb()
	const [coop, product, rows, highlights] = await Promise.all([
		db.coop.findUniqueOrThrow({ where: { id: coopId }, select: { name: true, phone: true, zalo: true, logoMediaId: true } }),
		request.productId ? db.product.findFirst({ where: { id: request.productId, coopId } }) : null,
		db.media.findMany({
			where: { coopId, id: { in: request.mediaIds }, status: 'ready' },
			select: { id: true, kind: true, displayName: true, durationMs: true, width: true, height: true },
		}),
		highlightsByMedia(coopId, request.mediaIds),
	])
	invariantResponse(!request.productId || product, 'Product not found')
	const byId = new Map(rows.map((row) => [row.id, row]))
	// In the order the person tapped them; ids that are not this co-op's ready files are left out.
	const media: TemplateMedia[] = request.mediaIds.flatMap((id) => {
		const row = byId.get(id)
		if (!row) return []
		return [{ mediaId: row.id, kind: row.kind as TemplateMedia['kind'], label: row.displayName, durationMs: row.durationMs, width: row.width, height: row.height, highlights: highlights.get(row.id) ?? [] }]
	})
	const music = request.musicMediaId
		? await db.media.findFirst({ where: { id: request.musicMediaId, coopId, status: 'ready' }, select: { id: true } })
		: null
	return {
		media,
		product: product && {
			name: product.name,
			code: product.code,
			priceVnd: product.priceVnd,
			unit: product.unit,
			orderPhone: product.orderPhone,
			links: {
				shopeeUrl: product.shopeeUrl,
				tiktokShopUrl: product.tiktokShopUrl,
				lazadaUrl: product.lazadaUrl,
				facebookUrl: product.facebookUrl,
				zaloUrl: product.zaloUrl,
			},
		},
		coop,
		formats: request.formats,
		captionLines: request.captionText ? request.captionText.split(/\r?\n/).map((line) => line.trim()).filter(Boolean) : undefined,
		musicMediaId: music?.id ?? null,
		title: request.title || null,
		promotion: request.newPriceVnd !== undefined ? { newPriceVnd: request.newPriceVnd, endsOn: request.endsOn || undefined } : null,
	}
}
