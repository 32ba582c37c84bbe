import type { Overlay, TimelineItem } from '~/studio/spec/edit-spec.ts'
import { TARGET_SECONDS, checkVisuals, finishVideo, itemSpans } from './assemble.ts'
import { hasPrice, productPriceText } from './copy.ts'
import { roundToFrame, type DurationSlot } from './durations.ts'
import { COLOURS, howToOrder, logoThroughout, priceTag } from './overlays.ts'
import { buildShots, fitText, joinWith, titleItem } from './shots.ts'
import type { TemplateChoices, TemplateContext, TemplateDefinition, TemplateNote, TemplateResult } from './types.ts'

// "Giới thiệu sản phẩm": a hook shot with the product's name, two to five
// shots of the product with its price tag, and an end card with the price,
// a QR code to where it is sold and how to order. The logo stays on top.

const HOOK_SECONDS = 3
const SHOT_PACE = 3.5
const END_CARD_SECONDS = 4
const FADE_SECONDS = 0.3

function build(choices: TemplateChoices, context: TemplateContext): TemplateResult {
	const { visuals, problems } = checkVisuals(choices, productIntro.needs)
	const product = choices.product
	if (!product) problems.push({ code: 'needsProduct' })
	if (problems.length > 0 || !product) return { ok: false, problems }

	const notes: TemplateNote[] = []
	const name = fitText(product.name, 60)
	const joins = visuals.length
	const shotsRange = {
		minTotal: TARGET_SECONDS.min - END_CARD_SECONDS + joins * FADE_SECONDS,
		maxTotal: TARGET_SECONDS.max - END_CARD_SECONDS + joins * FADE_SECONDS,
	}
	// The hook is short and punchy whatever pace the rest settles on, unless the
	// other shots cannot fill the video: then a good clip plays on rather than leave it short.
	const hookSlot = (slot: DurationSlot, index: number) =>
		index === 0 ? { preferred: HOOK_SECONDS, min: slot.min, max: Math.min(slot.max, HOOK_SECONDS), stretch: slot.max } : slot
	const shots = buildShots(visuals, { ...shotsRange, pace: SHOT_PACE, adjustSlot: hookSlot })
	const endLines = hasPrice(product) ? [name, fitText(productPriceText(product), 60)] : [name]
	const timeline: TimelineItem[] = joinWith(
		[...shots, titleItem(endLines, END_CARD_SECONDS, { textColor: COLOURS.white, backgroundColor: COLOURS.coopGreen })],
		'fade',
		FADE_SECONDS,
	)

	const spans = itemSpans(timeline)
	const endCard = spans[spans.length - 1]
	const overlays: Overlay[] = [
		...logoThroughout(choices, notes),
		// The hook names the product in large words across the middle while it grabs attention.
		{ type: 'text', text: choices.title ? fitText(choices.title, 100) : name, band: 'middle', size: 'large', textColor: COLOURS.white, start: 0, end: roundToFrame(spans[0].end * 0.8) },
	]
	if (hasPrice(product)) overlays.push(priceTag(name, product, { priceVnd: product.priceVnd }, { start: spans[1].start, end: endCard.start }))
	else notes.push({ code: 'noPrice' })
	overlays.push(...howToOrder(choices, product, endCard.start, { textColor: COLOURS.ink, backgroundColor: COLOURS.promoYellow }, context, notes))

	// Captions run over the shots and leave the end card to the call to action.
	return finishVideo(choices, productIntro.id, { timeline, overlays, captionSpans: spans.slice(0, -1), musicVolume: 0.25 }, notes)
}

export const productIntro: TemplateDefinition = {
	id: 'product-intro',
	nameKey: 'templates.product-intro.name',
	descriptionKey: 'templates.product-intro.description',
	needsKey: 'templates.product-intro.needs',
	needs: { minVisuals: 2, maxVisuals: 6, product: 'required', usesCaptionLines: true, usesMusic: true, usesPromotion: false },
	build,
}
