import { expect, test } from 'vitest'
import { parseProbeOutput, readRotation } from '#workers/ffmpeg/probe.ts'

test('a portrait phone clip stored landscape with a rotate tag reports upright dimensions', () => {
	const probed = parseProbeOutput({
		format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '12.480000', size: '1048576' },
		streams: [
			{ codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080, avg_frame_rate: '30000/1001', tags: { rotate: '90' } },
			{ codec_type: 'audio', codec_name: 'aac', sample_rate: '48000', channels: 2 },
		],
	})
	expect(probed.durationMs).toBe(12480)
	expect(probed.video).toMatchObject({ storedWidth: 1920, storedHeight: 1080, width: 1080, height: 1920, rotation: 90, fps: 29.97 })
	expect(probed.audio).toEqual({ codec: 'aac', sampleRate: 48000, channels: 2 })
})

test('display-matrix rotation (newer ffmpeg) is counter-clockwise and is flipped', () => {
	expect(readRotation({ side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] })).toBe(90)
	expect(readRotation({ side_data_list: [{ side_data_type: 'Display Matrix', rotation: 90 }] })).toBe(270)
	expect(readRotation({ tags: { rotate: '180' } })).toBe(180)
	expect(readRotation({})).toBe(0)
})

test('cover art in an audio file is not mistaken for video', () => {
	const probed = parseProbeOutput({
		format: { format_name: 'mp3', duration: '180.5' },
		streams: [
			{ codec_type: 'audio', codec_name: 'mp3', sample_rate: '44100', channels: 2 },
			{ codec_type: 'video', codec_name: 'mjpeg', width: 500, height: 500, disposition: { attached_pic: 1 } },
		],
	})
	expect(probed.video).toBeNull()
	expect(probed.audio?.codec).toBe('mp3')
})
