import { describe, expect, test } from 'vitest'
import { parseEditSpec, type EditSpecInput } from '~/studio/spec/edit-spec.ts'
import type { ProbedMedia } from '#workers/ffmpeg/probe.ts'
import { bandPosition, coverCrop, cornerPosition } from '#workers/render/geometry.ts'
import { planLoudness, type LoudnessPlan } from '#workers/render/graph/audio-mix.ts'
import { pictureSource } from '#workers/render/graph/escape.ts'
import { buildLoudnessAnalysis, buildRenderCommand, hasAudibleSound } from '#workers/render/graph/command.ts'
import type { PreparedStills, RenderPlanInput } from '#workers/render/graph/types.ts'
import { renderTarget, x264ThreadsFor } from '#workers/render/presets.ts'

function probe(options: { width?: number; height?: number; rotation?: number; seconds?: number; audio?: boolean; video?: boolean }): ProbedMedia {
	const { width = 1920, height = 1080, rotation = 0, seconds = 12, audio = true, video = true } = options
	const sideways = rotation === 90 || rotation === 270
	return {
		formatName: 'mov,mp4',
		durationMs: seconds * 1000,
		sizeBytes: 1000,
		video: video
			? { codec: 'h264', storedWidth: width, storedHeight: height, width: sideways ? height : width, height: sideways ? width : height, rotation, fps: 30, pixFmt: 'yuv420p', profile: 'High', frames: null }
			: null,
		audio: audio ? { codec: 'aac', sampleRate: 48000, channels: 2 } : null,
	}
}

const media = {
	land: { path: '/media/land.mp4', probe: probe({}) },
	phone: { path: '/media/phone.mp4', probe: probe({ rotation: 90 }) },
	mute: { path: '/media/mute.mp4', probe: probe({ audio: false }) },
	music: { path: '/media/music.m4a', probe: probe({ video: false, seconds: 60 }) },
}

function plan(input: Omit<EditSpecInput, 'version'>, options: Partial<RenderPlanInput> = {}): RenderPlanInput {
	const parsed = parseEditSpec({ version: 1, ...input })
	if (!parsed.success) throw new Error(JSON.stringify(parsed.issues))
	const stills: PreparedStills = {
		items: parsed.spec.timeline.map((item, i) =>
			item.type === 'clip' ? null : { path: `/work/still-${i}.jpg`, motion: item.type === 'photo' && item.kenBurns !== 'none' ? { move: item.kenBurns, focus: { x: 0.5, y: 0.5 } } : null },
		),
		overlays: parsed.spec.overlays.map((_, i) => ({ path: `/work/overlay-${i}.png`, x: 100 + i, y: 200 + i, width: 50, height: 50 })),
	}
	return { spec: parsed.spec, media, stills, target: renderTarget('tiktok-reels', 'final', 10, { threads: 2 }), transitions: 'overlay', ...options }
}

const graphOf = (args: string[]) => args[args.indexOf('-filter_complex') + 1]
const measured = { inputI: -23.4, inputTp: -12.1, inputLra: 5.2, inputThresh: -33.6 }
const silent: LoudnessPlan = { kind: 'silent' }
const gain: LoudnessPlan = { kind: 'gain', gainDb: 9.4, integratedLufs: -14, truePeakDbtp: -2.7 }

describe('cropping follows the focus point', () => {
	test('a landscape source cropped to 9:16 slides its window with the focus', () => {
		const source = { width: 1920, height: 1080 }
		const frame = { width: 1080, height: 1920 }
		expect(coverCrop(source, frame, { x: 0, y: 0.5 })).toEqual({ x: 0, y: 0, width: 606, height: 1080 })
		expect(coverCrop(source, frame, { x: 0.5, y: 0.5 })).toEqual({ x: 656, y: 0, width: 606, height: 1080 })
		expect(coverCrop(source, frame, { x: 1, y: 0.5 })).toEqual({ x: 1314, y: 0, width: 606, height: 1080 })
	})

	test('the clip leg crops before it scales, at the focus point', () => {
		const graph = graphOf(buildRenderCommand(plan({ timeline: [{ type: 'clip', mediaId: 'land', in: 2, out: 5, focus: { x: 0.2, y: 0.5 } }] }), silent).args)
		expect(graph).toContain('[0:v]fps=30,tpad=stop_mode=clone:stop=3,trim=end_frame=90,setpts=PTS-STARTPTS,crop=606:1080:80:0,scale=1080:1920,setsar=1,format=yuv420p[v0]')
	})

	test('a phone clip is cropped in its upright (display) dimensions', () => {
		const { args } = buildRenderCommand(plan({ timeline: [{ type: 'clip', mediaId: 'phone', out: 3 }] }, { target: renderTarget('square', 'final', 3) }), silent)
		// 1080×1920 upright → the square window is 1080×1080 around the middle.
		expect(graphOf(args)).toContain('crop=1080:1080:0:420,setsar=1,format=yuv420p[v0]')
	})

	test('contain-blur fits the whole picture over a blurred fill', () => {
		const graph = graphOf(buildRenderCommand(plan({ timeline: [{ type: 'clip', mediaId: 'land', out: 3, fit: 'contain-blur' }] }), silent).args)
		expect(graph).toContain('split=2[v0bg][v0fg]')
		expect(graph).toContain('boxblur')
		expect(graph).toContain('[v0fg]scale=1080:606,setsar=1[v0fgs]')
		expect(graph).toContain('[v0bgb][v0fgs]overlay=0:657,format=yuv420p[v0]')
	})
})

describe('inputs', () => {
	test('every clip is trimmed with -ss/-t right before its -i; picture and sound are read as separate inputs', () => {
		const { args } = buildRenderCommand(plan({ timeline: [{ type: 'clip', mediaId: 'land', in: 2.5, out: 6 }, { type: 'clip', mediaId: 'mute', in: 1, out: 2 }] }), silent)
		const inputs = args.slice(0, args.indexOf('-filter_complex')).join(' ')
		expect(inputs).toBe(
			'-an -threads 1 -ss 2.5 -t 3.6 -i /media/land.mp4 -an -threads 1 -ss 1 -t 1.1 -i /media/mute.mp4 -vn -ss 2.5 -t 3.6 -i /media/land.mp4',
		)
		expect(graphOf(args)).toContain('[2:a]asetpts=PTS-STARTPTS')
	})

	test('a photo is one decoded frame, read inside the graph: repeated, or zoomed by zoompan with explicit d, s and fps', () => {
		const graph = graphOf(
			buildRenderCommand(plan({ timeline: [{ type: 'photo', mediaId: 'p', duration: 2, kenBurns: 'none' }, { type: 'photo', mediaId: 'q', duration: 3, kenBurns: 'zoom-in' }] }), silent).args,
		)
		expect(graph).toContain('movie=filename=/work/still-0.jpg,format=yuv420p,setsar=1,loop=loop=59:size=1:start=0,setpts=N/(30*TB),fps=30[v0]')
		expect(graph).toMatch(/movie=filename=\/work\/still-1\.jpg,format=yuv420p,zoompan=z='1\+0\.2\*on\/89':x='[^']+':y='[^']+':d=90:s=1080x1920:fps=30,setsar=1\[v1\]/)
	})
})

test("a still's path survives both levels of filter-graph parsing (checked against ffmpeg by hand)", () => {
	expect(pictureSource("/tmp/odd dir:x,y[1]'q/s.png")).toBe("movie=filename=/tmp/odd dir\\\\:x\\,y\\[1\\]\\\\\\'q/s.png")
})

describe('transitions', () => {
	const timeline: EditSpecInput['timeline'] = [
		{ type: 'clip', mediaId: 'land', in: 0, out: 4 },
		{ type: 'clip', mediaId: 'phone', in: 0, out: 3, transitionIn: { type: 'fade', duration: 0.5 } },
		{ type: 'title', lines: ['Hết'], duration: 2, transitionIn: { type: 'cut', duration: 0.5 } },
		{ type: 'clip', mediaId: 'land', in: 5, out: 8, transitionIn: { type: 'slide-left', duration: 1 } },
	]

	test('with xfade (newer ffmpeg), offsets count on the timeline built so far', () => {
		const { args, durationSeconds } = buildRenderCommand(plan({ timeline }, { transitions: 'xfade' }), silent)
		const graph = graphOf(args)
		expect(graph).toContain('[v0][v1]xfade=transition=fade:duration=0.5:offset=3.5[xv1]')
		expect(graph).toContain('[xv1][v2]concat=n=2:v=1:a=0[xv2]')
		// 4 + 3 − 0.5 + 2 = 8.5; the slide starts one second before the end of the title.
		expect(graph).toContain('[xv2][v3]xfade=transition=slideleft:duration=1:offset=7.5[timeline]')
		expect(durationSeconds).toBeCloseTo(10.5, 5)
		expect(args.slice(args.indexOf('-t', args.indexOf('-map')), args.indexOf('-t', args.indexOf('-map')) + 2)).toEqual(['-t', '10.5'])
	})

	test('without xfade (bundled 4.1), only the shared frames are blended; bodies go straight to concat', () => {
		const graph = graphOf(buildRenderCommand(plan({ timeline }), silent).args)
		expect(graph).not.toContain('xfade')
		// Clip 1: 120 frames, its last 15 cross into clip 2.
		expect(graph).toContain('[v0]split=2[v0bs][v0ts]')
		expect(graph).toContain('[v0bs]trim=start_frame=0:end_frame=105,setpts=PTS-STARTPTS[v0b]')
		expect(graph).toContain('[v0ts]trim=start_frame=105,setpts=PTS-STARTPTS[v0t]')
		expect(graph).toContain('[v1hs]trim=end_frame=15,setpts=PTS-STARTPTS[v1h]')
		expect(graph).toContain('[v1h]format=yuva420p,fade=t=in:s=0:n=15:alpha=1[v1ha];[v0t][v1ha]overlay=format=yuv420,format=yuv420p[v1x]')
		// The slide moves a frame-sized window across both pictures side by side.
		expect(graph).toContain("[v2t][v3h]hstack=inputs=2,crop=w=in_w/2:h=in_h:x='floor(in_w/2*(n+1)/31)':y=0[v3x]")
		expect(graph).toContain('[v0b][v1x][v1b][v2b][v3x][v3b]concat=n=6:v=1:a=0[timeline]')
	})

	test('audio crosses where the pictures cross and cuts where they cut; silent legs keep everything aligned', () => {
		const graph = graphOf(buildRenderCommand(plan({ timeline }), silent).args)
		expect(graph).toContain('[3:a]asetpts=PTS-STARTPTS,aresample=48000,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,apad,atrim=end_sample=192000,asetpts=N/SR/TB[a0]')
		expect(graph).toContain('anullsrc=r=48000:cl=stereo,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,atrim=end_sample=96000,asetpts=N/SR/TB[a2]')
		expect(graph).toContain('[a0][a1]acrossfade=ns=24000:c1=tri:c2=tri[xa1]')
		expect(graph).toContain('[xa1][a2]concat=n=2:v=0:a=1[xa2]')
		expect(graph).toContain('[xa2][a3]acrossfade=ns=48000:c1=tri:c2=tri[voice]')
	})
})

describe('overlays and captions', () => {
	test('each overlay shows in its window, at its place; captions burn in after them', () => {
		const graph = graphOf(
			buildRenderCommand(
				plan(
					{
						timeline: [{ type: 'clip', mediaId: 'land', out: 10 }],
						overlays: [
							{ type: 'logo', mediaId: 'logo' },
							{ type: 'price', productName: 'Chè', priceVnd: 90000, compareAtPriceVnd: 120000, unit: 'hộp', start: 2, end: 5.5 },
							{ type: 'text', text: 'Chè Shan tuyết', start: 0.5, end: 2.5 },
						],
					},
					{ captionsPath: '/work/captions.ass' },
				),
				silent,
			).args,
		)
		expect(graph).toContain("movie=filename=/work/overlay-0.png[o0p];[timeline][o0p]overlay=x=100:y=200:enable='between(t,0,10)'[o0]")
		expect(graph).toContain("movie=filename=/work/overlay-1.png[o1p];[o0][o1p]overlay=x=101:y=201:enable='between(t,2,5.5)'[o1]")
		expect(graph).toContain("movie=filename=/work/overlay-2.png[o2p];[o1][o2p]overlay=x=102:y=202:enable='between(t,0.5,2.5)'[o2]")
		expect(graph).toMatch(/\[o2\]subtitles=filename=\/work\/captions\.ass:fontsdir=[^,]+,format=yuv420p\[vout\]/)
	})

	test('a corner overlay stays clear of the platform buttons and of the captions, at the bottom or the top', () => {
		const frame = { width: 1080, height: 1920 }
		const qr = { width: 280, height: 320 }
		const plain = cornerPosition('bottom-right', qr, frame)
		const withCaptions = cornerPosition('bottom-right', qr, frame, { position: 'bottom', sizePx: 84 })
		expect(plain).toEqual({ x: 1080 - 162 - 280, y: 1920 - 422 - 320 })
		expect(withCaptions.y).toBe(plain.y - 218)
		expect(cornerPosition('top-left', qr, frame)).toEqual({ x: 86, y: 230 })
		// Captions moved to the top push the top corners and the top band below them instead.
		expect(cornerPosition('top-left', qr, frame, { position: 'top', sizePx: 84 })).toEqual({ x: 86, y: 230 + 218 })
		expect(bandPosition('top', qr, frame, { position: 'top', sizePx: 84 }).y).toBe(230 + 218)
		expect(cornerPosition('bottom-right', qr, frame, { position: 'top', sizePx: 84 })).toEqual(plain)
	})
})

describe('sound', () => {
	const timeline: EditSpecInput['timeline'] = [
		{ type: 'clip', mediaId: 'land', out: 4 },
		{ type: 'photo', mediaId: 'p', duration: 2 },
	]

	test('music is ducked under the clips, mixed with weights and brought back to level, then brought to the target by one gain', () => {
		const { args } = buildRenderCommand(plan({ timeline, audio: { music: { mediaId: 'music', volume: 0.3, offset: 12 } } }), gain)
		const graph = graphOf(args)
		const musicInput = args.indexOf('/media/music.m4a')
		expect(args.slice(musicInput - 6, musicInput + 1)).toEqual(['-vn', '-stream_loop', '-1', '-ss', '12', '-i', '/media/music.m4a'])
		expect(graph).toContain('atrim=end_sample=288000,asetpts=N/SR/TB[music]')
		expect(graph).toContain('[voice]asplit=2[voicem][voicek]')
		expect(graph).toContain('[music][voicek]sidechaincompress=threshold=0.015:ratio=8:attack=20:release=450:makeup=1[musicd]')
		expect(graph).toContain("[voicem][musicd]amix=inputs=2:duration=first:dropout_transition=0:weights='1 0.3',volume=1.3[mix]")
		// −23.4 LUFS measured, −14 wanted: +9.4 dB, and the peaks (−12.1 + 9.4 dBTP) stay under −1.5.
		expect(graph).toContain('[mix]volume=9.4dB[aout]')
		expect(planLoudness(measured, -14)).toEqual(gain)
	})

	test("a single clip's own sound is the voice of the mix, passed through unchanged", () => {
		const graph = graphOf(buildRenderCommand(plan({ timeline: [{ type: 'clip', mediaId: 'land', out: 3 }] }), gain).args)
		expect(graph).toContain('[a0]anull[voice]')
		expect(graph).toContain('[voice]anull[mix]')
	})

	test('a cut between two clips joins them end to end: nothing is blended, the sound is concatenated', () => {
		const input = plan({
			timeline: [
				{ type: 'clip', mediaId: 'land', out: 2 },
				{ type: 'clip', mediaId: 'land', in: 4, out: 6, transitionIn: { type: 'cut' } },
			],
		})
		const graph = graphOf(buildRenderCommand(input, gain).args)
		expect(graph).toContain('[v0][v1]concat=n=2:v=1:a=0[timeline]')
		expect(graph).toContain('[a0][a1]concat=n=2:v=0:a=1[voice]')
		expect(graph).not.toContain('fade')
	})

	test('a render has sound to measure when a kept clip has sound or there is music', () => {
		expect(hasAudibleSound(plan({ timeline: [{ type: 'clip', mediaId: 'land', out: 3 }] }))).toBe(true)
		expect(hasAudibleSound(plan({ timeline: [{ type: 'clip', mediaId: 'mute', out: 3 }] }))).toBe(false)
		expect(hasAudibleSound(plan({ timeline: [{ type: 'clip', mediaId: 'land', out: 3 }], audio: { keepClipSound: false } }))).toBe(false)
		expect(hasAudibleSound(plan({ timeline: [{ type: 'clip', mediaId: 'mute', out: 3 }, { type: 'clip', mediaId: 'land', out: 3 }] }))).toBe(true)
		expect(hasAudibleSound(plan({ timeline: [{ type: 'clip', mediaId: 'mute', out: 3 }], audio: { music: { mediaId: 'music' } } }))).toBe(true)
	})

	test('without ducking the music is only mixed', () => {
		const graph = graphOf(buildRenderCommand(plan({ timeline, audio: { music: { mediaId: 'music', duckUnderSpeech: false } } }), gain).args)
		expect(graph).not.toContain('sidechaincompress')
		expect(graph).toContain("[voice][music]amix=inputs=2:duration=first:dropout_transition=0:weights='1 0.3',volume=1.3[mix]")
	})

	test('clips without sound leave only the music, and no sound at all is silence without loudnorm', () => {
		const onlyMusic = graphOf(buildRenderCommand(plan({ timeline, audio: { keepClipSound: false, music: { mediaId: 'music', volume: 0.5 } } }), gain).args)
		expect(onlyMusic).not.toContain('[voice]')
		expect(onlyMusic).toContain('[music]volume=0.5[mix]')
		const quiet = graphOf(buildRenderCommand(plan({ timeline: [{ type: 'clip', mediaId: 'mute', out: 3 }] }), silent).args)
		expect(quiet).toContain('anullsrc=r=48000:cl=stereo,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,atrim=end_sample=144000[mix]')
		expect(quiet).toContain('[mix]anull[aout]')
		expect(quiet).not.toContain('loudnorm')
	})

	test('the measurement pass decodes no video and measures exactly the mix the render normalises', () => {
		const input = plan({ timeline, audio: { music: { mediaId: 'music' } } })
		const analysis = buildLoudnessAnalysis(input, 'measure')
		expect(analysis.args.filter((a) => a === '-vn')).toHaveLength(2)
		expect(analysis.args.slice(-4)).toEqual(['[aout]', '-f', 'null', '-'])
		const analysed = graphOf(analysis.args)
		expect(analysed).not.toMatch(/:v\]/)
		expect(analysed).toContain('[mix]ebur128=peak=true:framelog=verbose[aout]')
		const rendered = graphOf(buildRenderCommand(input, gain).args)
		const mixOf = (graph: string) => graph.slice(graph.indexOf('[voice]asplit'), graph.indexOf('[mix]') + 5)
		expect(mixOf(analysed)).toBe(mixOf(rendered))
	})

	test('the measurement decides: a plain gain while the peaks stay under −1.5 dBTP, silence below −60 LUFS, otherwise limiting', () => {
		expect(planLoudness(measured, -14)).toEqual(gain)
		expect(planLoudness({ ...measured, inputI: -70 }, -14)).toEqual({ kind: 'silent' })
		expect(planLoudness(null, -14)).toEqual({ kind: 'silent' })
		// −3.2 dBTP + 9.4 dB would be over full scale.
		expect(planLoudness({ ...measured, inputTp: -3.2 }, -14)).toEqual({ kind: 'limit' })
	})

	test("peaks to limit: loudnorm's own first pass over the same mix, then loudnorm with its values (offset too) and back at 48 kHz", () => {
		const input = plan({ timeline })
		const analysed = graphOf(buildLoudnessAnalysis(input, 'loudnorm').args)
		expect(analysed).toContain('[mix]loudnorm=I=-14:TP=-1.5:LRA=11:print_format=json[aout]')
		const analysis = { inputI: -23.4, inputTp: -3.2, inputLra: 14.2, inputThresh: -33.6, targetOffset: 0.3 }
		const graph = graphOf(buildRenderCommand(input, { kind: 'loudnorm', analysis }).args)
		// A wide mix gets its own range so that loudnorm does not squash it needlessly.
		expect(graph).toContain(
			'[mix]loudnorm=I=-14:TP=-1.5:LRA=15:measured_I=-23.4:measured_TP=-3.2:measured_LRA=14.2:measured_thresh=-33.6:offset=0.3:linear=true:print_format=json,aresample=48000[aout]',
		)
	})
})

describe('encoding', () => {
	test('H.264 High yuv420p 30 fps, AAC 48 kHz, moov first', () => {
		const { args } = buildRenderCommand(plan({ timeline: [{ type: 'clip', mediaId: 'land', out: 3 }] }), gain)
		const joined = args.join(' ')
		// Without captions the picture goes straight to the pixel format.
		expect(graphOf(args)).toContain('[timeline]format=yuv420p[vout]')
		expect(args.slice(-2)).toEqual(['-max_muxing_queue_size', '4096'])
		expect(joined).toContain('-map [vout] -map [aout] -c:v libx264 -preset veryfast -crf 21 -profile:v high -pix_fmt yuv420p -r 30 -g 60 -threads 2')
		expect(joined).toContain('-c:a aac -b:a 128k -ar 48000 -ac 2 -movflags +faststart -t 3')
		// The lookahead on its own thread, off the main thread that decodes and filters.
		expect(joined).toContain('-x264-params rc-lookahead=5:sync-lookahead=2')
	})

	test("x264 gets x264's own 1.5 frame threads a core", () => {
		expect([1, 2, 4].map(x264ThreadsFor)).toEqual([2, 3, 6])
	})

	test('the Zalo preset caps the bitrate from the duration to stay under 50 MB', () => {
		const short = renderTarget('zalo', 'final', 30)
		const long = renderTarget('zalo', 'final', 300)
		expect(short).toMatchObject({ width: 720, height: 1280, maxBytes: 50 * 1024 * 1024, maxVideoKbps: 8000 })
		// 300 s: 50 MiB × 0.9 × 8 / 300 s ≈ 1258 kb/s, less 128 for the sound.
		expect(long.maxVideoKbps).toBe(1130)
		const args = buildRenderCommand(plan({ timeline: [{ type: 'clip', mediaId: 'land', out: 3 }] }, { target: long }), silent).args.join(' ')
		expect(args).toContain('-maxrate 1130k -bufsize 2260k')
	})

	test('a preview is a third of the size and encodes fast', () => {
		expect(renderTarget('tiktok-reels', 'preview', 10)).toMatchObject({ width: 360, height: 640, x264Preset: 'superfast' })
		expect(renderTarget('facebook-feed', 'preview', 10)).toMatchObject({ width: 360, height: 450 })
	})
})
