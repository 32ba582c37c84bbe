import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { ffmpegPath } from '#workers/ffmpeg/binaries.ts'

const execFileAsync = promisify(execFile)

// Stand-ins for a co-op's own footage, made on the spot so that nothing large
// is committed: hill-green scenes with a caption, a slow zoom for the clips,
// a soft two-tone bed for the music.

export type DemoScene = { file: string; title: string; colors: [string, string]; landscape?: boolean }

export const DEMO_PHOTOS: DemoScene[] = [
	{ file: 'doi-che-suoi-giang.jpg', title: 'Đồi chè Suối Giàng', colors: ['#2f5d1e', '#9cc46b'] },
	{ file: 'bup-che-shan-tuyet.jpg', title: 'Búp chè Shan tuyết', colors: ['#466d1d', '#d9e7a3'] },
	{ file: 'hop-che-qua-tang.jpg', title: 'Hộp chè quà tặng', colors: ['#7a3e12', '#e8c07a'], landscape: true },
]

export const DEMO_CLIPS: DemoScene[] = [
	{ file: 'hai-che-buoi-sang.mp4', title: 'Hái chè buổi sáng', colors: ['#1f4d2b', '#b6d98c'] },
	{ file: 'sao-che-chao-gang.mp4', title: 'Sao chè chảo gang', colors: ['#5b2a0e', '#f0b35e'], landscape: true },
]

function sceneSvg(scene: DemoScene, width: number, height: number) {
	const [from, to] = scene.colors
	const fontSize = Math.round(width / 14)
	return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
		<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${to}"/><stop offset="1" stop-color="${from}"/></linearGradient></defs>
		<rect width="100%" height="100%" fill="url(#g)"/>
		${[0.55, 0.68, 0.8].map((y, i) => `<ellipse cx="${width * (0.3 + i * 0.2)}" cy="${height * y}" rx="${width * 0.6}" ry="${height * 0.08}" fill="${from}" opacity="${0.35 + i * 0.2}"/>`).join('')}
		<text x="50%" y="${height * 0.22}" font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="${fontSize}" fill="#ffffff" text-anchor="middle">${scene.title}</text>
	</svg>`)
}

export async function makeDemoPhoto(scene: DemoScene, outPath: string) {
	const [width, height] = scene.landscape ? [1600, 1200] : [1200, 1600]
	await sharp(sceneSvg(scene, width, height)).jpeg({ quality: 85 }).toFile(outPath)
	return outPath
}

export async function makeDemoClip(scene: DemoScene, outPath: string, stillPath: string, seconds = 6) {
	const [width, height] = scene.landscape ? [1280, 720] : [720, 1280]
	await sharp(sceneSvg(scene, width * 1.25, height * 1.25)).jpeg({ quality: 90 }).toFile(stillPath)
	const frames = seconds * 30
	await execFileAsync(ffmpegPath(), [
		'-y', '-v', 'error',
		'-loop', '1', '-i', stillPath,
		'-f', 'lavfi', '-i', `sine=frequency=220:sample_rate=48000:duration=${seconds}`,
		'-filter_complex',
		`[0:v]zoompan=z='min(zoom+0.0015,1.2)':x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2':d=${frames}:s=${width}x${height}:fps=30,format=yuv420p[v];[1:a]volume=0.2[a]`,
		'-map', '[v]', '-map', '[a]', '-t', String(seconds),
		'-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-c:a', 'aac', '-b:a', '96k',
		'-movflags', '+faststart', outPath,
	], { timeout: 300_000 })
	return outPath
}

export async function makeDemoMusic(outPath: string, seconds = 30) {
	await execFileAsync(ffmpegPath(), [
		'-y', '-v', 'error',
		'-f', 'lavfi', '-i', `sine=frequency=262:sample_rate=48000:duration=${seconds}`,
		'-f', 'lavfi', '-i', `sine=frequency=392:sample_rate=48000:duration=${seconds}`,
		'-filter_complex', '[0:a][1:a]amix=inputs=2,volume=0.5,afade=t=in:d=2,afade=t=out:st=' + (seconds - 3) + ':d=3',
		'-c:a', 'aac', '-b:a', '128k', outPath,
	], { timeout: 120_000 })
	return outPath
}
