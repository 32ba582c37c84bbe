import type { Overlay, TimelineItem } from '~/studio/spec/edit-spec.ts'
import { TARGET_SECONDS, checkVisuals, finishVideo, itemSpans } from './assemble.ts'
import { COLOURS, howToOrder, logoThroughout } from './overlays.ts'
import { KEN_BURNS_CYCLE, buildShots, fitText, joinWith, titleItem } from './shots.ts'
import type { TemplateChoices, TemplateContext, TemplateDefinition, TemplateNote, TemplateResult } from './types.ts'

// "Tự dựng": the person's own shots in the order they tapped them, each at
// its liveliest few seconds, joined by quick fades, then a short card with
// how to order. No opening card and no fixed story: the nearest thing to a
// blank edit that still plays well, for someone who wants to arrange the
// video themselves in the editor.

const SHOT_PACE = 3.5
const END_CARD_SECONDS = 3
const FADE_SECONDS = 0.4

function build(choices: TemplateChoices, context: TemplateContext): TemplateResult {
	const { visuals, problems } = checkVisuals(choices, freeCut.needs)
	if (problems.length > 0) return { ok: false, problems }

	const notes: TemplateNote[] = []
	const joins = visuals.length
	const shots = buildShots(visuals, {
		pace: SHOT_PACE,
		minTotal: TARGET_SECONDS.min - END_CARD_SECONDS + joins * FADE_SECONDS,
		maxTotal: TARGET_SECONDS.max - END_CARD_SECONDS + joins * FADE_SECONDS,
		kenBurns: (i) => KEN_BURNS_CYCLE[i % KEN_BURNS_CYCLE.length],
	})
	const coopName = fitText(choices.coop.name, 60)
	const timeline: TimelineItem[] = joinWith(
		[...shots, titleItem([coopName], END_CARD_SECONDS, { textColor: COLOURS.white, backgroundColor: COLOURS.coopGreen })],
		'fade',
		FADE_SECONDS,
	)

	const spans = itemSpans(timeline)
	const endCard = spans[spans.length - 1]
	const overlays: Overlay[] = [
		...logoThroughout(choices, notes),
		...howToOrder(choices, choices.product, endCard.start, { textColor: COLOURS.ink, backgroundColor: COLOURS.promoYellow }, context, notes),
	]
	// Captions run over the shots and leave the end card to how to order.
	return finishVideo(choices, freeCut.id, { timeline, overlays, captionSpans: spans.slice(0, -1), musicVolume: 0.3 }, notes)
}

export const freeCut: TemplateDefinition = {
	id: 'free-cut',
	nameKey: 'templates.free-cut.name',
	descriptionKey: 'templates.free-cut.description',
	needsKey: 'templates.free-cut.needs',
	needs: { minVisuals: 1, maxVisuals: 8, product: 'optional', usesCaptionLines: true, usesMusic: true, usesPromotion: false },
	build,
}
