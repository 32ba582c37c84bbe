import { expect, test } from 'vitest'
import { posterDimensions, posterTimeSeconds, proxyArgs, proxyDimensions } from '#workers/media/video-commands.ts'
import { rotationFromOrientation } from '#workers/media/photo.ts'

test('the proxy keeps the shape, has a 480 px short side and even sizes, and never enlarges', () => {
	expect(proxyDimensions(1920, 1080)).toEqual({ width: 854, height: 480 })
	expect(proxyDimensions(1080, 1920)).toEqual({ width: 480, height: 854 })
	expect(proxyDimensions(640, 360)).toEqual({ width: 640, height: 360 })
	expect(proxyDimensions(3840, 2160)).toEqual({ width: 854, height: 480 })
	expect(proxyDimensions(601, 333)).toEqual({ width: 602, height: 334 })
})

test('the poster is at most 1280 px on its long side', () => {
	expect(posterDimensions(3840, 2160)).toEqual({ width: 1280, height: 720 })
	expect(posterDimensions(720, 1280)).toEqual({ width: 720, height: 1280 })
})

test('the poster frame is a second in, or a quarter into a short clip', () => {
	expect(posterTimeSeconds(60_000)).toBe(1)
	expect(posterTimeSeconds(2000)).toBe(0.5)
	expect(posterTimeSeconds(null)).toBe(0)
})

test('proxy arguments: H.264 CRF 28 faststart; audio only when there is some; 60 fps halved', () => {
	const withAudio = proxyArgs('in.mov', 'out.mp4', { width: 480, height: 854, hasAudio: true, fps: 60 })
	expect(withAudio.join(' ')).toContain('-vf scale=480:854,setsar=1,fps=30')
	expect(withAudio.join(' ')).toContain('-c:v libx264 -preset veryfast -crf 28')
	expect(withAudio.join(' ')).toContain('-map 0:a:0')
	expect(withAudio.join(' ')).toContain('-movflags +faststart')
	expect(withAudio.at(-1)).toBe('out.mp4')
	const silent = proxyArgs('in.mov', 'out.mp4', { width: 480, height: 854, hasAudio: false, fps: 30 })
	expect(silent).toContain('-an')
	expect(silent).not.toContain('0:a:0')
	expect(silent.join(' ')).not.toContain('fps=30')
})

test('EXIF orientation becomes clockwise degrees', () => {
	expect([1, 3, 6, 8, undefined].map(rotationFromOrientation)).toEqual([0, 180, 90, 270, 0])
})
