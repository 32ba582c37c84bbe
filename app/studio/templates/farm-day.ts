import type { Overlay, TimelineItem } from '~/studio/spec/edit-spec.ts'
import { TARGET_SECONDS, checkVisuals, finishVideo, itemSpans } from './assemble.ts'
import { orderCallToAction } from './copy.ts'
import { COLOURS, logoThroughout } from './overlays.ts'
import { KEN_BURNS_CYCLE, buildShots, fitText, joinWith, titleItem } from './shots.ts'
import type { TemplateChoices, TemplateContext, TemplateDefinition, TemplateNote, TemplateResult } from './types.ts'

// "Một ngày trên nương chè": the day on the farm in the order the person
// arranged it (morning mist, picking, withering and rolling, the cup), at an
// unhurried pace with gentle fades, their own lines as captions and a music
// bed under the sound of the hill. Opens and closes on a title card.

const SHOT_PACE = 4
const OPENING_SECONDS = 2.5
const CLOSING_SECONDS = 3
const FADE_SECONDS = 0.6

function build(choices: TemplateChoices, context: TemplateContext): TemplateResult {
	const { visuals, problems } = checkVisuals(choices, farmDay.needs)
	if (problems.length > 0) return { ok: false, problems }

	const notes: TemplateNote[] = []
	const { t } = context
	const cards = OPENING_SECONDS + CLOSING_SECONDS
	const joins = visuals.length + 1
	const shots = buildShots(visuals, {
		pace: SHOT_PACE,
		minTotal: TARGET_SECONDS.min - cards + joins * FADE_SECONDS,
		maxTotal: TARGET_SECONDS.max - cards + joins * FADE_SECONDS,
		kenBurns: (i) => KEN_BURNS_CYCLE[i % KEN_BURNS_CYCLE.length],
	})
	const title = fitText(choices.title || t('studio-templates:video.farmDayTitle'), 60)
	const coopName = fitText(choices.coop.name, 60)
	const cta = orderCallToAction(choices.coop, choices.product, context)
	if (!cta) notes.push({ code: 'noContact' })
	const colours = { textColor: COLOURS.white, backgroundColor: COLOURS.coopGreen }
	const timeline: TimelineItem[] = joinWith(
		[titleItem([title, coopName], OPENING_SECONDS, colours), ...shots, titleItem(cta ? [coopName, fitText(cta, 60)] : [coopName], CLOSING_SECONDS, colours)],
		'fade',
		FADE_SECONDS,
	)

	const spans = itemSpans(timeline)
	const overlays: Overlay[] = logoThroughout(choices, notes)

	// The music carries this one; it dips when someone speaks on a clip.
	return finishVideo(choices, farmDay.id, { timeline, overlays, captionSpans: spans.slice(1, -1), musicVolume: 0.5 }, notes)
}

export const farmDay: TemplateDefinition = {
	id: 'farm-day',
	nameKey: 'templates.farm-day.name',
	descriptionKey: 'templates.farm-day.description',
	needsKey: 'templates.farm-day.needs',
	needs: { minVisuals: 3, maxVisuals: 8, product: 'optional', usesCaptionLines: true, usesMusic: true, usesPromotion: false },
	build,
}
