import { z } from 'zod'
import { captionTrackSchema } from '~/studio/captions/schema.ts'
import { checkSpecConsistency } from './consistency.ts'
import { OUTPUT_FORMAT_IDS } from './formats.ts'
import { issue, specIssuesFromZod, type SpecIssue } from './issues.ts'
import { SPEC_LIMITS } from './limits.ts'

// The edit spec: one versioned JSON document describing one edit. The web
// editor, the templates and the command line all produce it; the renderer
// (workers/render) turns it into stills and one ffmpeg invocation.
// Every field is documented in docs/edit-spec.md.
//
// Media are referenced by id. The renderer receives a separate map from id to
// file location and probed metadata, so the spec stays the same wherever the
// files live (media store, a render machine, the command line).

export const EDIT_SPEC_VERSION = 1
export { SPEC_LIMITS }

const mediaId = z.string().trim().min(1).max(500)
const seconds = z.number().finite().min(0)
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/)
/** Text that is burned into the picture: NFC so that every diacritic comes from the shipped font. */
const visibleText = (max: number) =>
	z
		.string()
		.transform((value) => value.normalize('NFC').replace(/\s+/g, ' ').trim())
		.pipe(z.string().min(1).max(max))
/** Shown in error messages and the editor ("tea-hill.mp4"); never rendered. */
const label = z.string().max(120).optional()

/** Where the crop window centres, in fractions of the upright picture (0,0 = top left). */
export const focusPointSchema = z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) })
const focus = focusPointSchema.default({ x: 0.5, y: 0.5 })

export const FIT_MODES = ['cover', 'contain-blur'] as const
export const KEN_BURNS_MOVES = ['none', 'zoom-in', 'zoom-out', 'pan-left', 'pan-right'] as const
export const TRANSITION_TYPES = ['cut', 'fade', 'slide-left', 'slide-up'] as const
export const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const
export const BANDS = ['top', 'middle', 'bottom'] as const
export const TEXT_SIZES = ['small', 'medium', 'large'] as const

/** How this item begins after the previous one; ignored on the first item. A cut has no duration. */
export const transitionSchema = z.object({
	type: z.enum(TRANSITION_TYPES).default('cut'),
	duration: z.number().min(SPEC_LIMITS.minTransitionSeconds).max(SPEC_LIMITS.maxTransitionSeconds).default(0.5),
})

export const clipItemSchema = z.object({
	type: z.literal('clip'),
	mediaId,
	label,
	/** In and out points in seconds of the source clip. */
	in: seconds.default(0),
	out: z.number().finite().positive(),
	focus,
	fit: z.enum(FIT_MODES).default('cover'),
	keepSound: z.boolean().default(true),
	transitionIn: transitionSchema.optional(),
})

export const photoItemSchema = z.object({
	type: z.literal('photo'),
	mediaId,
	label,
	duration: z.number().min(SPEC_LIMITS.minItemSeconds).max(SPEC_LIMITS.maxPhotoSeconds).default(3),
	kenBurns: z.enum(KEN_BURNS_MOVES).default('zoom-in'),
	focus,
	fit: z.enum(FIT_MODES).default('cover'),
	transitionIn: transitionSchema.optional(),
})

export const titleItemSchema = z.object({
	type: z.literal('title'),
	label,
	lines: z.array(visibleText(60)).min(1).max(4),
	textColor: hexColor.default('#FFFFFF'),
	backgroundColor: hexColor.default('#2F5D1E'),
	duration: z.number().min(SPEC_LIMITS.minItemSeconds).max(SPEC_LIMITS.maxTitleSeconds).default(2.5),
	transitionIn: transitionSchema.optional(),
})

export const timelineItemSchema = z.discriminatedUnion('type', [clipItemSchema, photoItemSchema, titleItemSchema])

/** When an overlay shows, in seconds of the output; no end means until the video ends. */
const overlayWindow = { start: seconds.default(0), end: z.number().finite().positive().optional() }

export const logoOverlaySchema = z.object({
	type: z.literal('logo'),
	mediaId,
	corner: z.enum(CORNERS).default('top-right'),
	/** Width as a fraction of the frame width. */
	widthFraction: z.number().min(0.05).max(0.5).default(0.18),
	...overlayWindow,
})

export const priceOverlaySchema = z.object({
	type: z.literal('price'),
	productName: visibleText(60),
	/** Whole đồng. */
	priceVnd: z.number().int().min(0).max(1_000_000_000),
	/** The price before a discount, shown struck through; must be above `priceVnd` (checked in consistency.ts). */
	compareAtPriceVnd: z.number().int().min(1).max(1_000_000_000).optional(),
	/** What the price buys ("hộp 200g"), shown after it: "120.000 ₫ / hộp 200g". */
	unit: visibleText(30).optional(),
	corner: z.enum(CORNERS).default('top-left'),
	textColor: hexColor.default('#FFFFFF'),
	backgroundColor: hexColor.default('#C0392B'),
	...overlayWindow,
})

export const qrOverlaySchema = z.object({
	type: z.literal('qr'),
	url: z
		.string()
		.url()
		.max(500)
		.refine((value) => /^https?:\/\//i.test(value), { message: 'Only http and https links can become a QR code.', params: { code: 'field.badUrl' } }),
	/** A short line under the code ("Quét để đặt hàng"). */
	caption: visibleText(40).optional(),
	corner: z.enum(CORNERS).default('bottom-right'),
	widthFraction: z.number().min(0.12).max(0.5).default(0.26),
	...overlayWindow,
})

export const ctaOverlaySchema = z.object({
	type: z.literal('cta'),
	/** "Đặt hàng: Zalo 0912 345 678" */
	text: visibleText(80),
	band: z.enum(BANDS).default('top'),
	textColor: hexColor.default('#1B1B1B'),
	backgroundColor: hexColor.default('#FFD400'),
	...overlayWindow,
})

/** Free words over the picture (a hook, a product name), without the call to action's pill. */
export const textOverlaySchema = z.object({
	type: z.literal('text'),
	text: visibleText(100),
	band: z.enum(BANDS).default('middle'),
	size: z.enum(TEXT_SIZES).default('large'),
	textColor: hexColor.default('#FFFFFF'),
	/** Without one, the words get a soft dark shadow so they read on any picture. */
	backgroundColor: hexColor.optional(),
	...overlayWindow,
})

export const overlaySchema = z.discriminatedUnion('type', [logoOverlaySchema, priceOverlaySchema, qrOverlaySchema, ctaOverlaySchema, textOverlaySchema])

export const musicBedSchema = z.object({
	mediaId,
	label,
	/** Level of the music against the clip sound, 0..1. */
	volume: z.number().min(0).max(1).default(0.3),
	/** Lower the music while the clips' own sound (speech) plays. */
	duckUnderSpeech: z.boolean().default(true),
	/** Where in the music file to start, in seconds. */
	offset: seconds.default(0),
})

export const audioSchema = z.object({
	/** Master switch for the clips' own sound; each clip can also drop its sound. */
	keepClipSound: z.boolean().default(true),
	music: musicBedSchema.optional(),
	/** Integrated loudness target of the mix, LUFS. −14 is the usual target for social video. */
	loudnessLufs: z.number().min(-24).max(-9).default(-14),
})

export const outputSchema = z.object({
	formats: z
		.array(z.enum(OUTPUT_FORMAT_IDS))
		.min(1)
		.max(OUTPUT_FORMAT_IDS.length)
		.refine((formats) => new Set(formats).size === formats.length, 'Each format may be listed once.'),
})

export const editSpecSchema = z.object({
	version: z.literal(EDIT_SPEC_VERSION),
	output: outputSchema.default({ formats: ['tiktok-reels'] }),
	timeline: z.array(timelineItemSchema).max(SPEC_LIMITS.maxItems),
	captions: captionTrackSchema.optional(),
	overlays: z.array(overlaySchema).max(SPEC_LIMITS.maxOverlays).default([]),
	audio: audioSchema.default({}),
})

export type EditSpec = z.infer<typeof editSpecSchema>
/** What producers (templates, the editor) may write: defaults filled in by parsing. */
export type EditSpecInput = z.input<typeof editSpecSchema>
export type TimelineItem = EditSpec['timeline'][number]
export type ClipItem = z.infer<typeof clipItemSchema>
export type PhotoItem = z.infer<typeof photoItemSchema>
export type TitleItem = z.infer<typeof titleItemSchema>
export type Transition = z.infer<typeof transitionSchema>
export type Overlay = EditSpec['overlays'][number]
export type LogoOverlay = z.infer<typeof logoOverlaySchema>
export type PriceOverlay = z.infer<typeof priceOverlaySchema>
export type QrOverlay = z.infer<typeof qrOverlaySchema>
export type CtaOverlay = z.infer<typeof ctaOverlaySchema>
export type TextOverlay = z.infer<typeof textOverlaySchema>
export type MusicBed = z.infer<typeof musicBedSchema>
export type FocusPoint = z.infer<typeof focusPointSchema>
export type FitMode = (typeof FIT_MODES)[number]
export type KenBurnsMove = (typeof KEN_BURNS_MOVES)[number]
export type TransitionType = (typeof TRANSITION_TYPES)[number]
export type Corner = (typeof CORNERS)[number]
export type Band = (typeof BANDS)[number]
export type TextSize = (typeof TEXT_SIZES)[number]

export type ParsedEditSpec = { success: true; spec: EditSpec } | { success: false; issues: SpecIssue[] }

/**
 * Parses an edit spec (a JSON string or an already parsed value), fills in
 * defaults and checks its timing. Problems come back located ("item 3, a
 * clip") and coded; describeSpecIssue (messages.ts) words them.
 */
export function parseEditSpec(json: unknown): ParsedEditSpec {
	let raw = json
	if (typeof json === 'string') {
		try {
			raw = JSON.parse(json)
		} catch (error) {
			return { success: false, issues: [issue('spec.notJson', { kind: 'spec' }, { detail: (error as Error).message })] }
		}
	}
	const parsed = editSpecSchema.safeParse(raw)
	if (!parsed.success) return { success: false, issues: specIssuesFromZod(parsed.error.issues, raw) }
	const issues = checkSpecConsistency(parsed.data)
	return issues.length > 0 ? { success: false, issues } : { success: true, spec: parsed.data }
}
