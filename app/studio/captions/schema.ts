import { z } from 'zod'

// The caption track of an edit. Times are seconds on the output timeline
// (after trims and transitions), so the ASS builder never has to know the
// edit's structure. Text is stored NFC because libass picks glyphs per code
// point: a decomposed "ố" (o + two combining marks) can fall back to another
// font mid-word.

const captionText = (max: number) =>
	z
		.string()
		.trim()
		.min(1)
		.max(max)
		.transform((text) => text.normalize('NFC'))

export const captionWordSchema = z
	.object({
		start: z.number().min(0),
		end: z.number().min(0),
		text: captionText(200),
	})
	// Transcription services report zero-length words now and then; they are
	// still words to show, so only a reversed interval is rejected.
	.refine((word) => word.end >= word.start, {
		message: 'A word must not end before it starts.',
		path: ['end'],
	})

export const captionLineSchema = z
	.object({
		start: z.number().min(0),
		end: z.number().min(0),
		text: captionText(200),
		words: z.array(captionWordSchema).optional(),
	})
	.refine((line) => line.end > line.start, {
		message: 'A caption line must end after it starts.',
		path: ['end'],
	})
	.refine((line) => !line.words || line.words.every((w, i, all) => i === 0 || w.start >= all[i - 1].start), {
		message: 'The words of a caption line must be in time order.',
		path: ['words'],
	})

export const captionStyleSchema = z.object({
	preset: z.enum(['highlight', 'outline', 'boxed']).default('highlight'),
	font: z.enum(['be-vietnam-pro']).default('be-vietnam-pro'),
	sizePx: z.number().int().min(24).max(200).default(84),
	position: z.enum(['bottom', 'middle', 'top']).default('bottom'),
	textColor: z
		.string()
		.regex(/^#[0-9a-fA-F]{6}$/)
		.default('#FFFFFF'),
	highlightColor: z
		.string()
		.regex(/^#[0-9a-fA-F]{6}$/)
		.default('#FFD400'),
	outlinePx: z.number().int().min(0).max(12).default(5),
})

export const captionTrackSchema = z.object({
	lines: z.array(captionLineSchema),
	style: captionStyleSchema.default({}),
})

export type CaptionWord = z.infer<typeof captionWordSchema>
export type CaptionLine = z.infer<typeof captionLineSchema>
export type CaptionStyle = z.infer<typeof captionStyleSchema>
export type CaptionTrack = z.infer<typeof captionTrackSchema>
export type CaptionTrackInput = z.input<typeof captionTrackSchema>
