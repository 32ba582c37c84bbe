import { describe, expect, test } from 'vitest'
import { parseEditSpec, type EditSpecInput } from '~/studio/spec/edit-spec.ts'
import { describeSpecIssue, studioTranslator } from '~/studio/spec/messages.ts'
import { decodeRenderFailure, describeRenderFailure, encodeRenderFailure } from '~/studio/spec/render-failure.ts'
import { canonicalJson, renderCacheKey } from '~/studio/render/cache-key.ts'
import { checkMedia, type InspectedMedia } from '~/studio/render/media-check.ts'
import { ProgressParser, type FfmpegProgress } from '#workers/ffmpeg/run.ts'
import { hasFilter } from '#workers/render/capabilities.ts'
import { parseLoudnessMeasurement, parseLoudnessResult, parseLoudnormAnalysis } from '#workers/render/loudness.ts'

function spec(input: Omit<EditSpecInput, 'version'>) {
	const parsed = parseEditSpec({ version: 1, ...input })
	if (!parsed.success) throw new Error(JSON.stringify(parsed.issues))
	return parsed.spec
}

describe('progress', () => {
	test('out_time becomes a percentage of the expected duration, "end" is 100', () => {
		const reports: FfmpegProgress[] = []
		const parser = new ProgressParser(20, (p) => reports.push(p))
		parser.push('frame=150\nout_time_us=5000000\nspe')
		parser.push('ed=2.5x\nprogress=continue\nout_time_us=10000000\nspeed=2.1x\nprogress=continue\n')
		parser.push('out_time_us=20000000\nprogress=end\n')
		expect(reports).toEqual([
			{ percent: 25, outSeconds: 5, speed: 2.5 },
			{ percent: 50, outSeconds: 10, speed: 2.1 },
			{ percent: 100, outSeconds: 20, speed: 2.1 },
		])
	})

	test('before the end it never claims to be done, even past the expected length', () => {
		const reports: FfmpegProgress[] = []
		const parser = new ProgressParser(1, (p) => reports.push(p))
		parser.push('out_time_ms=1500000\nspeed=N/A\nprogress=continue\n')
		expect(reports).toEqual([{ percent: 99.9, outSeconds: 1.5, speed: null }])
	})
})

describe('loudness reports', () => {
	// As ffmpeg prints them: ebur128's summary (first pass), loudnorm's JSON (a render that limited peaks).
	const summary = (integrated: string, threshold: string, range: string, peak: string) =>
		`[Parsed_ebur128_52 @ 0x26753e00] Summary:\n\n  Integrated loudness:\n    I:         ${integrated} LUFS\n    Threshold: ${threshold} LUFS\n\n` +
		`  Loudness range:\n    LRA:         ${range} LU\n    Threshold: -43.7 LUFS\n    LRA low:   -31.2 LUFS\n    LRA high:  -21.8 LUFS\n\n  True peak:\n    Peak:      ${peak} dBFS\n`
	const loudnorm = `[Parsed_loudnorm_12 @ 0x55] \n{\n\t"input_i" : "-23.47",\n\t"input_tp" : "-8.12",\n\t"input_lra" : "4.30",\n\t"input_thresh" : "-33.80",\n\t"output_i" : "-14.02",\n\t"output_tp" : "-1.51",\n\t"output_lra" : "3.90",\n\t"output_thresh" : "-24.30",\n\t"normalization_type" : "dynamic",\n\t"target_offset" : "0.02"\n}\n`
	test('the first pass gives the measured values, the second the result', () => {
		expect(parseLoudnessMeasurement(`size=N/A time=00:00:29.99\n${summary('-22.1', '-33.5', '9.5', '-20.4')}`)).toEqual({ inputI: -22.1, inputThresh: -33.5, inputLra: 9.5, inputTp: -20.4 })
		expect(parseLoudnormAnalysis(loudnorm)).toEqual({ inputI: -23.47, inputTp: -8.12, inputLra: 4.3, inputThresh: -33.8, targetOffset: 0.02 })
		expect(parseLoudnessResult(loudnorm)).toEqual({ integratedLufs: -14.02, truePeakDbtp: -1.51 })
	})
	test('silence reads as -Infinity; no report, or half of one, is null', () => {
		expect(parseLoudnessMeasurement(summary('-70.0', '0.0', '0.0', '-inf'))).toEqual({ inputI: -70, inputThresh: 0, inputLra: 0, inputTp: Number.NEGATIVE_INFINITY })
		expect(parseLoudnessMeasurement('Error opening input')).toBeNull()
		expect(parseLoudnessMeasurement(summary('-22.1', '-33.5', '9.5', '-20.4').split('  True peak')[0])).toBeNull()
		expect(parseLoudnessResult('Error opening input')).toBeNull()
		expect(parseLoudnormAnalysis('Error opening input')).toBeNull()
	})
	test('the last report counts; a summary missing any of its three lines, or a damaged JSON block, is no report', () => {
		const first = summary('-30.0', '-40.0', '5.0', '-10.0')
		expect(parseLoudnessMeasurement(`${first}\n${summary('-22.1', '-33.5', '9.5', '-20.4')}`)).toMatchObject({ inputI: -22.1 })
		expect(parseLoudnessMeasurement(first.replace('Integrated loudness', 'Integrated'))).toBeNull()
		expect(parseLoudnessMeasurement(first.replace('Loudness range', 'Range'))).toBeNull()
		expect(parseLoudnessMeasurement(first.replace('Summary:', 'Summary'))).toBeNull()
		const silent = loudnorm.replace('"-8.12"', '"-inf"').replace('"-1.51"', '"-inf"')
		expect(parseLoudnormAnalysis(`${loudnorm}\n${silent}`)).toMatchObject({ inputTp: Number.NEGATIVE_INFINITY })
		expect(parseLoudnessResult(`${loudnorm}\n${silent}`)).toEqual({ integratedLufs: -14.02, truePeakDbtp: Number.NEGATIVE_INFINITY })
		expect(parseLoudnessResult(loudnorm.replace('"output_i"', '"output_x"'))).toBeNull()
		expect(parseLoudnessResult(loudnorm.replace('"output_tp" :', '"output_tp" '))).toBeNull()
		expect(parseLoudnessResult('} then {')).toBeNull()
		expect(parseLoudnessResult(`${loudnorm}[out#0/mp4 @ 0x1] video:812kB audio:94kB muxing overhead: 0.6%\n`)).toEqual({ integratedLufs: -14.02, truePeakDbtp: -1.51 })
		expect(parseLoudnormAnalysis(loudnorm.replace(/\}\n$/, ''))).toBeNull()
	})
})

test('xfade is detected in the filter list of a newer ffmpeg only', () => {
	const newer = ' ... fade              V->V       Fade in/out input video.\n TSC xfade             VV->V      Cross fade one video with another video.\n'
	const bundled = ' ... fade              V->V       Fade in/out input video.\n ... xfade_opencl      VV->V      Cross fade one video with another.\n'
	expect(hasFilter(newer, 'xfade')).toBe(true)
	expect(hasFilter(bundled, 'xfade')).toBe(false)
})

describe('render cache key', () => {
	const base = spec({ timeline: [{ type: 'clip', mediaId: 'a', out: 3 }, { type: 'photo', mediaId: 'b' }], overlays: [{ type: 'logo', mediaId: 'logo' }] })
	const fingerprints = { a: 'f-a', b: 'f-b', logo: 'f-logo', unused: 'f-x' }
	const variant = { format: 'tiktok-reels', quality: 'final' } as const

	test('is the same for the same edit written differently, and ignores unused media', () => {
		const written = spec({ overlays: [{ mediaId: 'logo', type: 'logo', corner: 'top-right' }], timeline: [{ out: 3, mediaId: 'a', type: 'clip', in: 0 }, { mediaId: 'b', type: 'photo', duration: 3 }] })
		const key = renderCacheKey(base, fingerprints, variant)
		expect(key).toMatch(/^[0-9a-f]{64}$/)
		expect(renderCacheKey(written, { a: 'f-a', b: 'f-b', logo: 'f-logo' }, variant)).toBe(key)
		// Another format listed in the spec does not change this format's render.
		expect(renderCacheKey({ ...base, output: { formats: ['tiktok-reels', 'square'] } }, fingerprints, variant)).toBe(key)
	})

	test('changes with the media, the edit, the format or the quality', () => {
		const key = renderCacheKey(base, fingerprints, variant)
		expect(renderCacheKey(base, { ...fingerprints, b: 'f-b2' }, variant)).not.toBe(key)
		expect(renderCacheKey(spec({ timeline: [{ type: 'clip', mediaId: 'a', out: 2.9 }, { type: 'photo', mediaId: 'b' }], overlays: [{ type: 'logo', mediaId: 'logo' }] }), fingerprints, variant)).not.toBe(key)
		expect(renderCacheKey(base, fingerprints, { ...variant, format: 'square' })).not.toBe(key)
		expect(renderCacheKey(base, fingerprints, { ...variant, quality: 'preview' })).not.toBe(key)
	})

	test('refuses to guess when a used medium has no fingerprint', () => {
		expect(() => renderCacheKey(base, { a: 'f-a' }, variant)).toThrow(/b, logo/)
	})

	test('canonical JSON sorts keys at every level', () => {
		expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: undefined } })).toBe('{"a":{"d":[1,{"e":3,"f":2}]},"b":1}')
	})
})

describe('checking media before ffmpeg runs', () => {
	const clip = (seconds: number, streams: { video?: boolean; audio?: boolean } = {}) => ({
		status: 'ok' as const,
		durationMs: seconds * 1000,
		hasVideo: streams.video !== false,
		hasAudio: streams.audio !== false,
	})
	const media: InspectedMedia = {
		c12: clip(12),
		song: clip(30, { video: false }),
		silentSong: clip(30, { audio: false }),
		heic: { status: 'unreadable', heic: true },
		huge: { status: 'ok', durationMs: null, hasVideo: false, hasAudio: false, image: { width: 20_000, height: 10_000 } },
	}
	const vi = studioTranslator('vi')

	test('a trim past the end of its clip names the item, in seconds with a decimal comma', () => {
		const issues = checkMedia(spec({ timeline: [{ type: 'photo', mediaId: 'huge' }, { type: 'title', lines: ['Xin chào'] }, { type: 'clip', mediaId: 'c12', in: 3, out: 14.2 }] }), media, { maxImageMegapixels: 500 })
		expect(issues.map((i) => describeSpecIssue(i, vi))).toEqual(['Mục 3 (clip): điểm kết thúc 14,2 s vượt quá độ dài clip 12,0 s. Hãy kéo điểm kết thúc vào trong clip.'])
	})

	test('an out point on the last frame is not past the end', () => {
		expect(checkMedia(spec({ timeline: [{ type: 'clip', mediaId: 'c12', in: 0, out: 12.01 }] }), media, { maxImageMegapixels: 100 })).toEqual([])
	})

	test('an iPhone HEIC photo, a picture too large, music without sound, music starting after its end', () => {
		const issues = checkMedia(
			spec({
				timeline: [{ type: 'photo', mediaId: 'heic' }, { type: 'photo', mediaId: 'huge' }, { type: 'clip', mediaId: 'c12', in: 13, out: 14 }],
				audio: { music: { mediaId: 'silentSong' } },
			}),
			media,
			{ maxImageMegapixels: 100 },
		)
		expect(issues.map((i) => i.code)).toEqual(['media.heic', 'media.tooLarge', 'clip.inPastEnd', 'media.noAudio'])
		const late = checkMedia(spec({ timeline: [{ type: 'clip', mediaId: 'c12', out: 2 }], audio: { music: { mediaId: 'song', offset: 31 } } }), media, { maxImageMegapixels: 100 })
		expect(late.map((i) => describeSpecIssue(i, vi))).toEqual(['Nhạc nền: điểm bắt đầu nhạc 31 s nằm sau cuối bản nhạc (30 s).'])
	})
})

describe('render failures travel as text and come back as data', () => {
	const en = studioTranslator('en')
	test('a rejected edit lists its problems under a headline', () => {
		const failure = { code: 'rejected' as const, issues: [{ code: 'media.missing', at: { kind: 'item' as const, index: 1, itemType: 'photo' }, params: { mediaId: 'p1' } }] }
		const decoded = decodeRenderFailure(encodeRenderFailure(failure))
		expect(decoded).toEqual(failure)
		expect(describeRenderFailure(decoded, en)).toEqual([
			'The edit has problems; fix them and render again.',
			'Item 2 (photo): the file “p1” was not found. It may have been deleted; choose it again from the library.',
		])
	})
	test('an ffmpeg failure says what to do next; anything else is unexpected', () => {
		expect(describeRenderFailure(decodeRenderFailure(encodeRenderFailure({ code: 'outputTooLarge', params: { mb: 61, maxMb: 50 } })), en)).toEqual([
			"The rendered video is 61 MB, over this format's 50 MB limit. Make the video shorter.",
		])
		expect(decodeRenderFailure('Error: connection lost')).toEqual({ code: 'unexpected', detail: 'Error: connection lost' })
	})
})

test('a failedReason this module did not write is unexpected, even when JSON follows; no reason at all too', () => {
	expect(decodeRenderFailure('x'.repeat(15) + '{"code":"cancelled"}')).toEqual({ code: 'unexpected', detail: `${'x'.repeat(15)}{"code":"cancelled"}` })
	expect(decodeRenderFailure(undefined)).toEqual({ code: 'unexpected', detail: undefined })
})
