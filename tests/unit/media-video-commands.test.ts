import { expect, test } from 'vitest'
import { posterArgs, posterDimensions, posterTimeSeconds, proxyArgs, proxyDimensions, waveformArgs } from '#workers/media/video-commands.ts'
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

test('sizes stay even and at least 2 px, and the short or long side can be chosen', () => {
	expect(proxyDimensions(4000, 2)).toEqual({ width: 4000, height: 2 })
	expect(proxyDimensions(3000, 1)).toEqual({ width: 3000, height: 2 })
	expect(proxyDimensions(1920, 1080, 240)).toEqual({ width: 426, height: 240 })
	expect(posterDimensions(4000, 1)).toEqual({ width: 1280, height: 2 })
	expect(posterDimensions(3001, 1001)).toEqual({ width: 1280, height: 426 })
	expect(posterDimensions(1921, 1080, 640)).toEqual({ width: 640, height: 360 })
	expect(posterDimensions(641, 359)).toEqual({ width: 642, height: 360 })
})

test('the poster frame of a clip of no or unknown length is its first; four seconds reach the one-second cap', () => {
	expect(posterTimeSeconds(0)).toBe(0)
	expect(posterTimeSeconds(-500)).toBe(0)
	expect(posterTimeSeconds(4000)).toBe(1)
	expect(posterTimeSeconds(3000)).toBe(0.75)
})

test('poster arguments: seek first, one frame, scaled with square pixels, good JPEG quality', () => {
	expect(posterArgs('in.mov', 'out.jpg', { atSeconds: 0.5, width: 720, height: 1280 })).toEqual([
		'-ss', '0.500', '-i', 'in.mov', '-frames:v', '1', '-vf', 'scale=720:1280,setsar=1', '-q:v', '3', 'out.jpg',
	])
})

test('proxy arguments in full, with and without sound', () => {
	expect(proxyArgs('in.mov', 'out.mp4', { width: 854, height: 480, hasAudio: true, fps: 30 })).toEqual([
		'-i', 'in.mov', '-map', '0:v:0', '-map', '0:a:0', '-vf', 'scale=854:480,setsar=1',
		'-c:v', 'libx264', '-preset', 'veryfast', '-crf', '28', '-pix_fmt', 'yuv420p', '-profile:v', 'main',
		'-c:a', 'aac', '-b:a', '96k', '-ac', '2', '-movflags', '+faststart', 'out.mp4',
	])
	expect(proxyArgs('in.mov', 'out.mp4', { width: 854, height: 480, hasAudio: false, fps: 30.5 })).toEqual([
		'-i', 'in.mov', '-map', '0:v:0', '-vf', 'scale=854:480,setsar=1,fps=30',
		'-c:v', 'libx264', '-preset', 'veryfast', '-crf', '28', '-pix_fmt', 'yuv420p', '-profile:v', 'main',
		'-an', '-movflags', '+faststart', 'out.mp4',
	])
	// An unknown frame rate is left as it is.
	expect(proxyArgs('in.mov', 'out.mp4', { width: 854, height: 480, hasAudio: false, fps: null }).join(' ')).toContain('-vf scale=854:480,setsar=1 ')
})

test('the waveform is one mono picture, 640 × 240, in the studio green', () => {
	expect(waveformArgs('in.m4a', 'wave.png')).toEqual([
		'-i', 'in.m4a', '-filter_complex', 'aformat=channel_layouts=mono,showwavespic=s=640x240:colors=0x3f6827', '-frames:v', '1', 'wave.png',
	])
})
