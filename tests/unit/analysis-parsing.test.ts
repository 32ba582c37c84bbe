import { describe, expect, test } from 'vitest'
import { escapeFilterValue } from '~/studio/render/filter-escape.ts'
import { parseMetadataLog } from '#workers/analysis/metadata-log.ts'
import { buildSignals } from '#workers/analysis/signals.ts'
import { parseVidstabMotions } from '#workers/analysis/vidstab-log.ts'

// Captured from the bundled ffmpeg 4.1 (metadata=print:file=..., trimmed).
const VIDEO_LOG = `frame:0    pts:0       pts_time:0
lavfi.signalstats.YMIN=37
lavfi.signalstats.YAVG=124.895
lavfi.signalstats.YDIF=0
lavfi.scene_score=0.000000
frame:1    pts:1       pts_time:0.2
lavfi.signalstats.YAVG=125.5
lavfi.signalstats.YDIF=3.25
lavfi.scene_score=0.041000
frame:2    pts:2       pts_time:0.4
lavfi.signalstats.YAVG=20
lavfi.signalstats.YDIF=40.5
lavfi.scene_score=0.820000
`
const AUDIO_LOG = `frame:0    pts:0       pts_time:0
lavfi.astats.Overall.RMS_level=-21.073929
frame:1    pts:1600    pts_time:0.2
lavfi.astats.Overall.RMS_level=-inf
`
// vidstabdetect's motions file (format 1), two frames trimmed to a few fields.
const VIDSTAB_LOG = `VID.STAB 1
#      accuracy = 9
#     shakiness = 5
Frame 1 (List 0 [])
Frame 2 (List 3 [(LM -13 13 158 47 32 0.694500 0.934570),(LM -2 17 195 47 32 0.476813 1.834961),(LM -13 12 232 47 32 0.451745 0.163086)])
Frame 3 (List 4 [(LM -3 -18 158 47 32 0.646805 0.576172),(LM -3 1 232 47 32 0.451745 0.290039),(LM -3 -18 47 47 32 0.403621 1.130859),(LM 5 -17 158 90 32 0.653286 0.553711)])
`

describe('metadata=print parsing', () => {
	test('reads frames with their time and values, -inf included', () => {
		const frames = parseMetadataLog(VIDEO_LOG)
		expect(frames).toHaveLength(3)
		expect(frames[1]).toEqual({
			time: 0.2,
			values: { 'lavfi.signalstats.YAVG': 125.5, 'lavfi.signalstats.YDIF': 3.25, 'lavfi.scene_score': 0.041 },
		})
		expect(parseMetadataLog(AUDIO_LOG)[1].values['lavfi.astats.Overall.RMS_level']).toBe(Number.NEGATIVE_INFINITY)
		expect(parseMetadataLog('garbage\nkey=1\n')).toEqual([])
	})
})

describe('vidstab motions parsing', () => {
	test('takes the median field shift of each frame as the camera motion', () => {
		expect(parseVidstabMotions(VIDSTAB_LOG)).toEqual([null, { dx: -13, dy: 13 }, { dx: -3, dy: -17.5 }])
	})

	test('reads frames past the ninth and lists of ten fields or more; a frame missing from the file has no estimate', () => {
		const fields = Array.from({ length: 11 }, (_, i) => `(LM ${i} -${i} 158 47 32 0.6 0.5)`).join(',')
		const log = `VID.STAB 1\nFrame 10 (List 11 [${fields}])\nFrame 12 (List 1 [(LM 4 2 158 47 32 0.6 0.5)])\n`
		const motions = parseVidstabMotions(log)
		expect(motions).toHaveLength(12)
		expect(motions.slice(0, 9)).toEqual(Array(9).fill(null))
		expect(motions.slice(9)).toEqual([{ dx: 5, dy: -5 }, null, { dx: 4, dy: 2 }])
	})
})

describe('buildSignals', () => {
	test('bins measurements on 0.2 s from the first frame, averaging loudness as power', () => {
		const shifted = parseMetadataLog(VIDEO_LOG.replace(/pts_time:([\d.]+)/g, (_, t: string) => `pts_time:${Number(t) + 1.5}`))
		const signals = buildSignals({
			durationSeconds: 0.8,
			video: shifted,
			audio: [
				{ time: 0, values: { 'lavfi.astats.Overall.RMS_level': -20 } },
				{ time: 0.1, values: { 'lavfi.astats.Overall.RMS_level': Number.NEGATIVE_INFINITY } },
			],
			motions: parseVidstabMotions(VIDSTAB_LOG),
			motionFps: 10,
			motionLongSide: 320,
		})
		expect(signals.brightness).toEqual([124.895, 125.5, 20, null])
		expect(signals.scene).toEqual([0, 0.041, 0.82, null])
		// Half the time at -20 dB and half silent is 3 dB quieter, not -Infinity.
		expect(signals.loudnessDb[0]).toBeCloseTo(-23.01, 2)
		expect(signals.loudnessDb[1]).toBeNull()
		// Frames 2 and 3 (0.1 s and 0.2 s): jerk between their motions, over the long side.
		expect(signals.jerk[1]).toBeCloseTo(Math.hypot(10, 30.5) / 320, 6)
	})

	test('without sound the loudness series is empty, not silent', () => {
		const signals = buildSignals({ durationSeconds: 0.4, video: parseMetadataLog(VIDEO_LOG), audio: null, motions: [], motionFps: 10, motionLongSide: 320 })
		expect(signals.loudnessDb).toEqual([null, null])
	})
})

describe('filter escaping', () => {
	test('survives both parsing levels of ffmpeg', () => {
		expect(escapeFilterValue('/tmp/plain/file.txt')).toBe('/tmp/plain/file.txt')
		expect(escapeFilterValue("/tmp/a:b,c'd[e]")).toBe("/tmp/a\\\\:b\\,c\\\\\\'d\\[e\\]")
	})
})
