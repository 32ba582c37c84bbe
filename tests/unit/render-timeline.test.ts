import { describe, expect, test } from 'vitest'
import { joinAudio, joinVideoWithOverlays, joinVideoWithXfade, type LegTiming } from '#workers/render/graph/timeline.ts'
import { renderTarget } from '#workers/render/presets.ts'

const target = renderTarget('tiktok-reels', 'final', 10, { threads: 2 })

// Four legs at 30 fps: a fade of 10 frames into the second, a slide-up into the
// third that lasts the whole third leg, a cut into the fourth.
const timings: LegTiming[] = [
	{ frames: 30, startFrame: 0, transitionIn: null },
	{ frames: 40, startFrame: 20, transitionIn: { type: 'fade', frames: 10 } },
	{ frames: 20, startFrame: 40, transitionIn: { type: 'slide-up', frames: 20 } },
	{ frames: 15, startFrame: 60, transitionIn: null },
]

describe('without xfade (the bundled ffmpeg 4.1)', () => {
	test('each leg is cut into the frames it shares with its neighbours and its own body; only shared frames are blended', () => {
		expect(joinVideoWithOverlays(['v0', 'v1', 'v2', 'v3'], timings, 'timeline')).toEqual([
			'[v0]split=2[v0bs][v0ts]',
			'[v0bs]trim=start_frame=0:end_frame=20,setpts=PTS-STARTPTS[v0b]',
			'[v0ts]trim=start_frame=20,setpts=PTS-STARTPTS[v0t]',
			'[v1]split=3[v1hs][v1bs][v1ts]',
			'[v1hs]trim=end_frame=10,setpts=PTS-STARTPTS[v1h]',
			'[v1bs]trim=start_frame=10:end_frame=20,setpts=PTS-STARTPTS[v1b]',
			'[v1ts]trim=start_frame=20,setpts=PTS-STARTPTS[v1t]',
			'[v1h]format=yuva420p,fade=t=in:s=0:n=10:alpha=1[v1ha];[v0t][v1ha]overlay=format=yuv420,format=yuv420p[v1x]',
			// The third leg is all transition: no body of its own.
			'[v2]split=1[v2hs]',
			'[v2hs]trim=end_frame=20,setpts=PTS-STARTPTS[v2h]',
			"[v1t][v2h]vstack=inputs=2,crop=w=in_w:h=in_h/2:x=0:y='floor(in_h/2*(n+1)/21)'[v2x]",
			// The fourth leg is cut in and out: it goes to the concat whole.
			'[v0b][v1x][v1b][v2x][v3]concat=n=5:v=1:a=0[timeline]',
		])
	})

	test('a single leg passes straight through', () => {
		expect(joinVideoWithOverlays(['v0'], [timings[0]], 'timeline')).toEqual(['[v0]null[timeline]'])
	})
})

describe('with xfade (newer ffmpeg)', () => {
	test('each transition is one xfade whose offset counts on the timeline built so far; a cut is a concat', () => {
		expect(joinVideoWithXfade(['v0', 'v1', 'v2', 'v3'], timings, target, 'timeline')).toEqual([
			'[v0][v1]xfade=transition=fade:duration=0.3333:offset=0.6667[xv1]',
			'[xv1][v2]xfade=transition=slideup:duration=0.6667:offset=1.3333[xv2]',
			'[xv2][v3]concat=n=2:v=1:a=0[timeline]',
		])
	})

	test('a single leg passes straight through', () => {
		expect(joinVideoWithXfade(['v0'], [timings[0]], target, 'timeline')).toEqual(['[v0]null[timeline]'])
	})
})

test('sound crosses where the pictures cross, for as many samples, and cuts where they cut', () => {
	expect(joinAudio(['a0', 'a1', 'a2', 'a3'], timings, target, 'voice')).toEqual([
		'[a0][a1]acrossfade=ns=16000:c1=tri:c2=tri[xa1]',
		'[xa1][a2]acrossfade=ns=32000:c1=tri:c2=tri[xa2]',
		'[xa2][a3]concat=n=2:v=0:a=1[voice]',
	])
	expect(joinAudio(['a0'], [timings[0]], target, 'voice')).toEqual(['[a0]anull[voice]'])
})
