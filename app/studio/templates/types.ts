import type { EditSpec, FocusPoint } from '~/studio/spec/edit-spec.ts'
import type { OutputFormatId } from '~/studio/spec/formats.ts'

// What a template is given and what it gives back. Inputs are plain data the
// studio reads from the library (media with their probed metadata and the
// analysis's suggestions), the product and the co-op; a template never
// touches the database, so it runs the same in the web app, the command line
// and the tests.

/** One suggested stretch of a clip from the highlight analysis, in seconds of the source. */
export type ClipHighlight = { start: number; end: number; score: number; reasons: string[] }

export type TemplateMedia = {
	mediaId: string
	/** Media.kind: templates use photos and videos; audio belongs in `musicMediaId`. */
	kind: 'video' | 'photo' | 'audio'
	/** Shown in messages and the editor, never rendered. */
	label?: string
	durationMs?: number | null
	width?: number | null
	height?: number | null
	/** The point the person tapped to keep in frame. */
	focus?: FocusPoint
	highlights?: ClipHighlight[]
}

export type TemplateProduct = {
	name: string
	code?: string
	/** Whole đồng; 0 or missing means "no price yet", and the price tag is left out. */
	priceVnd?: number | null
	unit?: string | null
	/** Where to buy, as on the product page; the QR code takes the first usable one. */
	links?: {
		shopeeUrl?: string | null
		tiktokShopUrl?: string | null
		lazadaUrl?: string | null
		facebookUrl?: string | null
		zaloUrl?: string | null
	}
	/** A phone for orders of this product, preferred over the co-op's. */
	orderPhone?: string | null
}

export type TemplateCoop = {
	name: string
	phone?: string | null
	/** A Zalo number (or a zalo.me link). */
	zalo?: string | null
	logoMediaId?: string | null
}

export type PromotionChoice = {
	/** The price after the discount, whole đồng. */
	newPriceVnd: number
	/** Defaults to the product's price. */
	oldPriceVnd?: number
	/** Last day of the offer, YYYY-MM-DD in the co-op's calendar. */
	endsOn?: string
}

export type TemplateChoices = {
	/** Photos and clips in the order the person arranged them. */
	media: TemplateMedia[]
	product?: TemplateProduct | null
	coop: TemplateCoop
	formats: OutputFormatId[]
	/** Lines the person typed for captions, one per screen. */
	captionLines?: string[]
	musicMediaId?: string | null
	/** A link to encode in the QR code instead of the product's own links (a tracked short link, say). */
	qrUrl?: string | null
	/** Opening title; each template has its own default. */
	title?: string | null
	promotion?: PromotionChoice | null
}

/** Words for the picture come from the studio-templates namespace, in the video's language. */
export type Translate = (key: string, options?: Record<string, unknown>) => string

export type TemplateContext = { t: Translate; language: 'vi' | 'en' }

/** A reason the template cannot be filled in yet; `code` is translated under studio-templates:problems. */
export type TemplateProblem = { code: TemplateProblemCode; params?: Record<string, string | number> }

export const TEMPLATE_PROBLEM_CODES = [
	'noFormats',
	'needsMoreVisuals',
	'tooManyVisuals',
	'notAVisual',
	'clipWithoutDuration',
	'needsProduct',
	'needsPrice',
	'needsPromotion',
	'promotionNotLower',
	'badDeadline',
] as const

export type TemplateProblemCode = (typeof TEMPLATE_PROBLEM_CODES)[number]

/** Something the template left out or adjusted, to tell the person; translated under studio-templates:notes. */
export type TemplateNote = { code: TemplateNoteCode; params?: Record<string, string | number> }

export const TEMPLATE_NOTE_CODES = ['noLogo', 'noPrice', 'noQrLink', 'noContact', 'shortVideo'] as const

export type TemplateNoteCode = (typeof TEMPLATE_NOTE_CODES)[number]

export type TemplateResult = { ok: true; spec: EditSpec; notes: TemplateNote[] } | { ok: false; problems: TemplateProblem[] }

export type TemplateId = 'product-intro' | 'farm-day' | 'promotion' | 'free-cut'

/** What a template needs, for the studio to show and check before calling it. */
export type TemplateNeeds = {
	minVisuals: number
	maxVisuals: number
	product: 'required' | 'optional'
	usesCaptionLines: boolean
	usesMusic: boolean
	usesPromotion: boolean
}

export type TemplateDefinition = {
	id: TemplateId
	/** Keys in the studio-templates namespace. */
	nameKey: string
	descriptionKey: string
	needsKey: string
	needs: TemplateNeeds
	build: (choices: TemplateChoices, context: TemplateContext) => TemplateResult
}
