import { describe, expect, test } from 'vitest'
import type { ClipItem } from '~/studio/spec/edit-spec.ts'
import { InputList } from '#workers/render/graph/inputs.ts'
import { addClipInput, clipAudioLeg, clipVideoLeg, kenBurnsExpressions, samplesFor, silentAudioLeg, stillVideoLeg } from '#workers/render/graph/legs.ts'
import type { RenderTarget } from '#workers/render/presets.ts'

// The exact filter text of each leg: ffmpeg reads it, so a changed character is a changed render.
const target: RenderTarget = { format: 'tiktok-reels', quality: 'final', width: 1080, height: 1920, fps: 30, x264Preset: 'medium', crf: 21, audioKbps: 128, threads: 2 }
const clip: ClipItem = { type: 'clip', mediaId: 'm', in: 1.25, out: 5, focus: { x: 0.5, y: 0.5 }, fit: 'cover', keepSound: true }
const head = 'fps=30,tpad=stop_mode=clone:stop=3,trim=end_frame=90,setpts=PTS-STARTPTS'

describe('clip legs', () => {
	test('a landscape clip in a vertical frame is cropped at its focus, then scaled; a clip already the right size is neither', () => {
		expect(clipVideoLeg(2, clip, { width: 1920, height: 1080 }, target, 90, 'v0')).toBe(
			`[2:v]${head},crop=606:1080:656:0,scale=1080:1920,setsar=1,format=yuv420p[v0]`,
		)
		expect(clipVideoLeg(0, clip, { width: 1080, height: 1920 }, target, 90, 'v1')).toBe(`[0:v]${head},setsar=1,format=yuv420p[v1]`)
		expect(clipVideoLeg(0, clip, { width: 720, height: 1280 }, target, 90, 'v1')).toBe(`[0:v]${head},scale=1080:1920,setsar=1,format=yuv420p[v1]`)
		expect(clipVideoLeg(0, clip, { width: 1080, height: 2400 }, target, 90, 'v1')).toBe(`[0:v]${head},crop=1080:1920:0:240,setsar=1,format=yuv420p[v1]`)
	})

	test('contain-blur shows the whole picture, centred, over a small blurred copy of its cropped self scaled up', () => {
		expect(clipVideoLeg(1, { ...clip, fit: 'contain-blur', focus: { x: 0, y: 0.5 } }, { width: 1920, height: 1080 }, target, 60, 'v2')).toBe(
			[
				'[1:v]fps=30,tpad=stop_mode=clone:stop=3,trim=end_frame=60,setpts=PTS-STARTPTS,split=2[v2bg][v2fg]',
				'[v2bg]crop=606:1080:0:0,scale=136:240,boxblur=6:2,scale=1080:1920,setsar=1[v2bgb]',
				'[v2fg]scale=1080:606,setsar=1[v2fgs]',
				'[v2bgb][v2fgs]overlay=0:657,format=yuv420p[v2]',
			].join(';'),
		)
		const tiny = { ...target, width: 8, height: 8 }
		expect(clipVideoLeg(1, { ...clip, fit: 'contain-blur' }, { width: 8, height: 8 }, tiny, 2, 'v')).toContain('scale=2:2,boxblur')
	})

	test('a clip is read from its in point for its length and a tenth of a second more, options before its -i', () => {
		const inputs = new InputList()
		inputs.add('/x.mp4')
		expect(addClipInput(inputs, '/m/c.mp4', clip, 90, 30, ['-noautorotate'])).toBe(1)
		expect(addClipInput(inputs, '/m/d.mp4', clip, 90, 30)).toBe(2)
		expect(inputs.args()).toEqual(['-i', '/x.mp4', '-noautorotate', '-ss', '1.25', '-t', '3.1', '-i', '/m/c.mp4', '-ss', '1.25', '-t', '3.1', '-i', '/m/d.mp4'])
	})

	test('audio legs are 48 kHz stereo, padded and cut to the exact sample count of the frames', () => {
		expect(samplesFor(75, 30)).toBe(120_000)
		expect(samplesFor(1, 29.97)).toBe(1602)
		expect(clipAudioLeg(3, 96_000, 'a0')).toBe(
			'[3:a]asetpts=PTS-STARTPTS,aresample=48000,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,apad,atrim=end_sample=96000,asetpts=N/SR/TB[a0]',
		)
		expect(silentAudioLeg(48_000, 'a1')).toBe(
			'anullsrc=r=48000:cl=stereo,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,atrim=end_sample=48000,asetpts=N/SR/TB[a1]',
		)
	})
})

describe('still legs', () => {
	test('a still photo repeats one converted frame for the whole leg', () => {
		expect(stillVideoLeg({ path: '/m/a.jpg', motion: null }, target, 75, 'v3')).toBe(
			'movie=filename=/m/a.jpg,format=yuv420p,setsar=1,loop=loop=74:size=1:start=0,setpts=N/(30*TB),fps=30[v3]',
		)
	})

	test('Ken Burns: zoompan makes each frame, toward the focus rounded to 4 places', () => {
		expect(stillVideoLeg({ path: '/m/a.jpg', motion: { move: 'zoom-in', focus: { x: 0.25, y: 0.123456 } } }, target, 75, 'v4')).toBe(
			"movie=filename=/m/a.jpg,format=yuv420p,zoompan=z='1+0.2*on/74':x='max(0,min(iw-iw/zoom,0.25*iw-iw/zoom/2))':y='max(0,min(ih-ih/zoom,0.1235*ih-ih/zoom/2))':d=75:s=1080x1920:fps=30,setsar=1[v4]",
		)
	})

	test('each move: zoom in from 1 to 1.2, out from 1.2 to 1, pans across at 1.15; a one-frame leg never divides by zero', () => {
		const focus = { x: 0.3, y: 0.7 }
		const x = 'max(0,min(iw-iw/zoom,0.3*iw-iw/zoom/2))'
		const y = 'max(0,min(ih-ih/zoom,0.7*ih-ih/zoom/2))'
		expect(kenBurnsExpressions('zoom-in', focus, 1)).toEqual({ z: '1+0.2*on/1', x, y })
		expect(kenBurnsExpressions('zoom-out', focus, 50)).toEqual({ z: '1.2-0.2*on/49', x, y })
		expect(kenBurnsExpressions('pan-right', focus, 50)).toEqual({ z: '1.15', x: '(iw-iw/zoom)*on/49', y })
		expect(kenBurnsExpressions('pan-left', focus, 50)).toEqual({ z: '1.15', x: '(iw-iw/zoom)*(1-on/49)', y })
	})
})
