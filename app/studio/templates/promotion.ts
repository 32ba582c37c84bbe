import { priceLabel } from '~/studio/photo-posts/price-label.ts'
import type { Overlay, TimelineItem } from '~/studio/spec/edit-spec.ts'
import { TARGET_SECONDS, checkVisuals, finishVideo, itemSpans } from './assemble.ts'
import { deadlineText, hasPrice, parseCalendarDay, productPriceText } from './copy.ts'
import { COLOURS, howToOrder, logoThroughout, priceTag } from './overlays.ts'
import { buildShots, fitText, titleItem, withTransition } from './shots.ts'
import type { TemplateChoices, TemplateContext, TemplateDefinition, TemplateNote, TemplateProblem, TemplateResult } from './types.ts'

// "Khuyến mãi": a bold card with the discount, quick cuts of the product
// under a price tag with the old price struck through above the new one,
// then a price card (the discount, the new price, the last day) with a QR
// code and how to order (docs/decisions/031-templates.md).

const TITLE_SECONDS = 2.5
const SHOT_PACE = 2.5
const PRICE_CARD_SECONDS = 4.5
const PRICE_CARD_FADE_SECONDS = 0.3

function build(choices: TemplateChoices, context: TemplateContext): TemplateResult {
	const { visuals, problems } = checkVisuals(choices, promotion.needs)
	const { product, promotion: offer } = choices
	if (!product) problems.push({ code: 'needsProduct' })
	const oldPriceVnd = offer?.oldPriceVnd ?? (hasPrice(product) ? product.priceVnd : undefined)
	problems.push(...checkOffer(offer, oldPriceVnd))
	const endsOn = offer?.endsOn ? parseCalendarDay(offer.endsOn) : null
	if (problems.length > 0 || !product || !offer || !oldPriceVnd) return { ok: false, problems }

	const notes: TemplateNote[] = []
	const { t } = context
	const name = fitText(product.name, 60)
	const percent = Math.round(((oldPriceVnd - offer.newPriceVnd) / oldPriceVnd) * 100)
	const shots = buildShots(visuals, {
		pace: SHOT_PACE,
		minTotal: TARGET_SECONDS.min - TITLE_SECONDS - PRICE_CARD_SECONDS + PRICE_CARD_FADE_SECONDS,
		maxTotal: TARGET_SECONDS.max - TITLE_SECONDS - PRICE_CARD_SECONDS + PRICE_CARD_FADE_SECONDS,
	})
	// A cut too small to round to 1 % still deserves a headline.
	const discount = percent >= 1 ? t('studio-templates:video.discount', { percent }) : t('studio-templates:video.sale')
	const titleLines = [fitText(choices.title || discount, 60), name]
	// The old price shows struck on the tag over the shots; the card repeats the saving and the new price.
	const priceLines = [
		fitText(discount, 60),
		fitText(t('studio-templates:video.newPrice', { price: productPriceText(product, offer.newPriceVnd) }), 60),
		...(endsOn ? [fitText(deadlineText(endsOn, context), 60)] : []),
	]
	// Quick cuts keep the energy; only the price card fades in.
	const priceCard = titleItem(priceLines, PRICE_CARD_SECONDS, { textColor: COLOURS.ink, backgroundColor: COLOURS.promoYellow })
	const timeline: TimelineItem[] = [
		titleItem(titleLines, TITLE_SECONDS, { textColor: COLOURS.white, backgroundColor: COLOURS.promoRed }),
		...shots,
		withTransition(shots[shots.length - 1], priceCard, 'fade', PRICE_CARD_FADE_SECONDS),
	]

	const spans = itemSpans(timeline)
	const priceCardSpan = spans[spans.length - 1]
	const overlays: Overlay[] = [
		...logoThroughout(choices, notes),
		priceTag(name, product, { priceVnd: offer.newPriceVnd, compareAtPriceVnd: oldPriceVnd }, { start: spans[1].start, end: priceCardSpan.start }),
		...howToOrder(choices, product, priceCardSpan.start, { textColor: COLOURS.white, backgroundColor: COLOURS.promoRed }, context, notes),
	]

	return finishVideo(choices, promotion.id, { timeline, overlays, captionSpans: spans.slice(1, -1), musicVolume: 0.35 }, notes)
}

function checkOffer(offer: TemplateChoices['promotion'], oldPriceVnd: number | undefined): TemplateProblem[] {
	if (!offer || !Number.isInteger(offer.newPriceVnd) || offer.newPriceVnd <= 0) return [{ code: 'needsPromotion' }]
	const problems: TemplateProblem[] = []
	if (!oldPriceVnd) problems.push({ code: 'needsPrice' })
	else if (offer.newPriceVnd >= oldPriceVnd) problems.push({ code: 'promotionNotLower', params: { oldPrice: priceLabel(oldPriceVnd), newPrice: priceLabel(offer.newPriceVnd) } })
	if (offer.endsOn && !parseCalendarDay(offer.endsOn)) problems.push({ code: 'badDeadline', params: { value: offer.endsOn } })
	return problems
}

export const promotion: TemplateDefinition = {
	id: 'promotion',
	nameKey: 'templates.promotion.name',
	descriptionKey: 'templates.promotion.description',
	needsKey: 'templates.promotion.needs',
	needs: { minVisuals: 1, maxVisuals: 5, product: 'required', usesCaptionLines: true, usesMusic: true, usesPromotion: true },
	build,
}
