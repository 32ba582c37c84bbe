// Render benchmark (npm run bench:render): a reference 30-second edit (four
// 1080p clips, portrait and landscape, three photos with Ken Burns, captions,
// logo, music bed) rendered through the engine, and in the same run by one
// hand-written ffmpeg command that produces the same video: the practical
// floor on this machine. The last line is one JSON object:
//   ratio        engine wall time / hand-written wall time (goal ≤ 1.15)
//   speed        output seconds per wall second of the engine (goal ≥ 2)
//   peak_rss_mb  peak memory of the engine's render, Node + ffmpeg (goal < 600)
// plus the CPU seconds of both sides, which do not depend on what else the
// machine is doing. Each side runs BENCH_RUNS times (default 2), alternating,
// and the faster run counts: other work on a shared machine only slows a run
// down. The engine runs in a fresh Node process, as in a render worker.

import { execFile, spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { buildAssSubtitles, captionFontsDir } from '~/studio/captions/ass.ts'
import { parseEditSpec, type EditSpecInput } from '~/studio/spec/edit-spec.ts'
import { ffmpegPath } from '#workers/ffmpeg/binaries.ts'
import { probeFile } from '#workers/ffmpeg/probe.ts'
import { renderEdit } from '#workers/render/engine.ts'
import { FINAL_X264_PRESET, X264_PARAMS, x264ThreadsFor } from '#workers/render/presets.ts'

const execFileAsync = promisify(execFile)
const require = createRequire(import.meta.url)
const dir = path.resolve('tmp/bench-render')
const RUNS = Number(process.env.BENCH_RUNS ?? 2)

async function makeFixtures() {
	await fs.mkdir(dir, { recursive: true })
	const exists = (file: string) => fs.access(file).then(() => true, () => false)
	const clip = async (name: string, tone: number, rotate: boolean) => {
		const file = path.join(dir, name)
		if (await exists(file)) return
		const args = ['-y', '-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30:duration=8', '-f', 'lavfi', '-i', `sine=frequency=${tone}:sample_rate=48000:duration=8`]
		args.push('-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '10M', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k')
		if (!rotate) {
			await execFileAsync(ffmpegPath(), [...args, file])
			return
		}
		// A phone held upright stores landscape pixels and a rotation. ffmpeg
		// drops a rotate tag while encoding, so it is added by a remux.
		const stored = path.join(dir, `stored-${name}`)
		await execFileAsync(ffmpegPath(), [...args, stored])
		await execFileAsync(ffmpegPath(), ['-y', '-v', 'error', '-i', stored, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', file])
		await fs.rm(stored)
	}
	await clip('land1.mp4', 300, false)
	await clip('port1.mp4', 350, true)
	await clip('land2.mp4', 400, false)
	await clip('port2.mp4', 450, true)
	for (const [index, colour] of ['#4d7c2f', '#8a5a2b', '#2b5f8a'].entries()) {
		const file = path.join(dir, `photo${index + 1}.jpg`)
		if (await exists(file)) continue
		// A 12-megapixel phone photo.
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="3000"><rect width="100%" height="100%" fill="${colour}"/><circle cx="2000" cy="1500" r="900" fill="#f5e6a8"/><rect x="300" y="300" width="800" height="500" fill="#ffffff"/></svg>`
		await sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toFile(file)
	}
	const logo = path.join(dir, 'logo.png')
	if (!(await exists(logo))) {
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><circle cx="200" cy="200" r="190" fill="#2f5d1e"/><text x="200" y="235" font-size="110" text-anchor="middle" fill="#fff">HTX</text></svg>`
		await sharp(Buffer.from(svg)).png().toFile(logo)
	}
	const music = path.join(dir, 'music.m4a')
	if (!(await exists(music))) {
		await execFileAsync(ffmpegPath(), ['-y', '-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=262:sample_rate=48000:duration=40', '-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=48000:duration=40', '-filter_complex', 'amix=inputs=2', '-c:a', 'aac', '-b:a', '128k', music])
	}
}

const captionTexts = [
	'Chào mừng đến đồi chè Suối Giàng',
	'Cây chè Shan tuyết cổ thụ',
	'Hái búp non vào sáng sớm',
	'Sao chè bằng tay trên chảo gang',
	'Hương thơm đặc trưng của núi rừng',
	'Đóng gói cẩn thận từng hộp',
	'Đặt hàng qua Zalo hợp tác xã',
	'Cảm ơn các bạn đã xem',
]

const specInput: EditSpecInput = {
	version: 1,
	output: { formats: ['tiktok-reels'] },
	timeline: [
		{ type: 'clip', mediaId: 'land1', in: 1, out: 6, focus: { x: 0.3, y: 0.5 } },
		{ type: 'photo', mediaId: 'photo1', duration: 3.5, kenBurns: 'zoom-in', transitionIn: { type: 'fade', duration: 0.5 } },
		{ type: 'clip', mediaId: 'port1', in: 0, out: 5 },
		{ type: 'photo', mediaId: 'photo2', duration: 3.5, kenBurns: 'pan-right', transitionIn: { type: 'fade', duration: 0.5 } },
		{ type: 'clip', mediaId: 'land2', in: 2, out: 7, focus: { x: 0.7, y: 0.5 } },
		{ type: 'photo', mediaId: 'photo3', duration: 3.5, kenBurns: 'zoom-out', transitionIn: { type: 'slide-left', duration: 0.5 } },
		{ type: 'clip', mediaId: 'port2', in: 1, out: 7 },
	],
	captions: { lines: captionTexts.map((text, i) => ({ start: i * 3.7 + 0.2, end: i * 3.7 + 3.5, text })) },
	overlays: [{ type: 'logo', mediaId: 'logo', corner: 'top-right' }],
	audio: { music: { mediaId: 'music', volume: 0.25, duckUnderSpeech: true } },
}

/** The same edit as one ffmpeg command, as someone fluent in ffmpeg would type it. */
function handWrittenArgs(assPath: string, outPath: string): string[] {
	const f = (name: string) => path.join(dir, name)
	const zoom = (z: string, x: string, y: string) => `scale=1620:2880:force_original_aspect_ratio=increase,crop=1620:2880,zoompan=z='${z}':x='${x}':y='${y}':d=105:s=1080x1920:fps=30`
	const centre = `iw/2-iw/zoom/2`
	const graph = [
		// Landscape clips: crop the 9:16 window at the focus point, then scale up.
		`[0:v]fps=30,crop=606:1080:272:0,scale=1080:1920,setsar=1,format=yuv420p,split[c0b][c0t]`,
		`[c0b]trim=end_frame=135,setpts=PTS-STARTPTS[c0body]`,
		`[c0t]trim=start_frame=135:end_frame=150,setpts=PTS-STARTPTS[c0tail]`,
		`[1:v]format=yuv420p,${zoom('1+0.2*on/104', centre, 'ih/2-ih/zoom/2')},setsar=1,format=yuv420p,split[p1h][p1b]`,
		`[p1h]trim=end_frame=15,format=yuva420p,fade=t=in:s=0:n=15:alpha=1[p1head]`,
		`[p1b]trim=start_frame=15,setpts=PTS-STARTPTS[p1body]`,
		`[c0tail][p1head]overlay=format=yuv420,format=yuv420p[x1]`,
		// Portrait phone clips are already 9:16 once ffmpeg has turned them upright.
		`[2:v]fps=30,setsar=1,format=yuv420p,split[c2b][c2t]`,
		`[c2b]trim=end_frame=135,setpts=PTS-STARTPTS[c2body]`,
		`[c2t]trim=start_frame=135:end_frame=150,setpts=PTS-STARTPTS[c2tail]`,
		`[3:v]format=yuv420p,${zoom('1.15', '(iw-iw/zoom)*on/104', 'ih/2-ih/zoom/2')},setsar=1,format=yuv420p,split[p3h][p3b]`,
		`[p3h]trim=end_frame=15,format=yuva420p,fade=t=in:s=0:n=15:alpha=1[p3head]`,
		`[p3b]trim=start_frame=15,setpts=PTS-STARTPTS[p3body]`,
		`[c2tail][p3head]overlay=format=yuv420,format=yuv420p[x3]`,
		`[4:v]fps=30,crop=606:1080:1040:0,scale=1080:1920,setsar=1,format=yuv420p,split[c4b][c4t]`,
		`[c4b]trim=end_frame=135,setpts=PTS-STARTPTS[c4body]`,
		`[c4t]trim=start_frame=135:end_frame=150,setpts=PTS-STARTPTS[c4tail]`,
		`[5:v]format=yuv420p,${zoom('1.2-0.2*on/104', centre, 'ih/2-ih/zoom/2')},setsar=1,format=yuv420p,split[p5h][p5b]`,
		`[p5h]trim=end_frame=15[p5head]`,
		`[p5b]trim=start_frame=15,setpts=PTS-STARTPTS[p5body]`,
		`[c4tail][p5head]hstack,crop=1080:1920:x='floor(1080*(n+1)/16)':y=0[x5]`,
		`[6:v]fps=30,setsar=1,format=yuv420p,trim=end_frame=180[c6]`,
		`[c0body][x1][p1body][c2body][x3][p3body][c4body][x5][p5body][c6]concat=n=10:v=1:a=0[story]`,
		`[7:v]scale=194:-1[logo]`,
		`[story][logo]overlay=x=W-w-162:y=230,subtitles=filename=${assPath}:fontsdir=${captionFontsDir()},format=yuv420p[vout]`,
		// Sound: clip audio with silence under the photos, crossfaded like the pictures.
		`[0:a]atrim=end_sample=240000[a0]`,
		`anullsrc=r=48000:cl=stereo,atrim=end_sample=168000[a1]`,
		`[2:a]atrim=end_sample=240000[a2]`,
		`anullsrc=r=48000:cl=stereo,atrim=end_sample=168000[a3]`,
		`[4:a]atrim=end_sample=240000[a4]`,
		`anullsrc=r=48000:cl=stereo,atrim=end_sample=168000[a5]`,
		`[6:a]atrim=end_sample=288000[a6]`,
		`[a0][a1]acrossfade=ns=24000[s1]`,
		`[s1][a2]concat=n=2:v=0:a=1[s2]`,
		`[s2][a3]acrossfade=ns=24000[s3]`,
		`[s3][a4]concat=n=2:v=0:a=1[s4]`,
		`[s4][a5]acrossfade=ns=24000[s5]`,
		`[s5][a6]concat=n=2:v=0:a=1,asplit[voice][key]`,
		`[8:a]atrim=end_sample=1440000[bed]`,
		`[bed][key]sidechaincompress=threshold=0.015:ratio=8:attack=20:release=450[ducked]`,
		`[voice][ducked]amix=inputs=2:duration=first:weights='1 0.25',volume=1.25,loudnorm=I=-14:TP=-1.5:LRA=11,aresample=48000[aout]`,
	].join(';')
	return [
		'-hide_banner', '-nostdin', '-v', 'error', '-y',
		'-ss', '1', '-t', '5.1', '-i', f('land1.mp4'),
		'-i', f('photo1.jpg'),
		'-ss', '0', '-t', '5.1', '-i', f('port1.mp4'),
		'-i', f('photo2.jpg'),
		'-ss', '2', '-t', '5.1', '-i', f('land2.mp4'),
		'-i', f('photo3.jpg'),
		'-ss', '1', '-t', '6.1', '-i', f('port2.mp4'),
		'-i', f('logo.png'),
		'-i', f('music.m4a'),
		'-filter_complex', graph,
		'-map', '[vout]', '-map', '[aout]',
		'-c:v', 'libx264', '-preset', FINAL_X264_PRESET, '-crf', '21', '-profile:v', 'high', '-pix_fmt', 'yuv420p', '-r', '30', '-g', '60',
		'-threads', String(x264ThreadsFor(os.availableParallelism())), '-x264-params', X264_PARAMS,
		'-c:a', 'aac', '-b:a', '128k', '-ar', '48000', '-ac', '2', '-movflags', '+faststart', '-t', '30',
		outPath,
	]
}

/** CPU seconds of this process and of its children that have ended (Linux /proc). */
async function cpuSeconds(): Promise<number> {
	const stat = await fs.readFile('/proc/self/stat', 'utf8')
	// Fields after the command name: utime, stime, cutime, cstime are 14–17 (1-based).
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
	const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0)
	return ticks / 100
}

/**
 * Peak memory of the render: this process (the engine) plus the ffmpeg it
 * runs, summed at each sample from /proc (Linux), so memory Node held before
 * is not added to ffmpeg's peak later.
 */
function watchMemory() {
	let peak = 0
	const sample = async () => {
		let total = process.memoryUsage().rss
		for (const pid of await childPids()) {
			const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
			const rss = /VmRSS:\s+(\d+) kB/.exec(status)
			if (rss) total += Number(rss[1]) * 1024
		}
		peak = Math.max(peak, total)
	}
	const timer = setInterval(() => void sample(), 100)
	return {
		stop: async () => {
			clearInterval(timer)
			return Math.round(peak / 1024 / 1024)
		},
	}
}

/** This process's children (ffmpeg), from each thread's /proc children list: cheap enough to poll. */
async function childPids(): Promise<string[]> {
	const threads = await fs.readdir('/proc/self/task').catch(() => [] as string[])
	const lists = await Promise.all(threads.map((tid) => fs.readFile(`/proc/self/task/${tid}/children`, 'utf8').catch(() => '')))
	return lists.join(' ').split(/\s+/).filter(Boolean)
}

type EngineRun = { ms: number; cpuSeconds: number; peakRssMb: number; loudness: number | null }

/**
 * One engine render in a fresh process, as a render worker runs it: the
 * memory counted is the render's, not the benchmark's (which drew 12 MP
 * fixtures with sharp), and the time excludes starting Node.
 */
async function engineRunInThisProcess(outputPath: string) {
	const spec = referenceSpec()
	const memory = watchMemory()
	const cpuBefore = await cpuSeconds()
	const engine = await timed(() => renderEdit({ spec, mediaPaths: referenceMedia(), format: 'tiktok-reels', quality: 'final', outputPath }))
	const run: EngineRun = {
		ms: engine.ms,
		cpuSeconds: (await cpuSeconds()) - cpuBefore,
		peakRssMb: await memory.stop(),
		loudness: engine.value.loudness?.integratedLufs ?? null,
	}
	console.log(JSON.stringify(run))
}

function engineRunInChild(outputPath: string): Promise<EngineRun> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [require.resolve('tsx/cli'), fileURLToPath(import.meta.url), '--engine-run', outputPath], {
			stdio: ['ignore', 'pipe', 'inherit'],
		})
		let stdout = ''
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
		child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as EngineRun) : reject(new Error(`engine run failed (${code})`))))
	})
}

function referenceSpec() {
	const parsed = parseEditSpec(specInput)
	if (!parsed.success) throw new Error(`The reference spec is invalid: ${JSON.stringify(parsed.issues)}`)
	return parsed.spec
}

function referenceMedia(): Record<string, string> {
	return Object.fromEntries(
		['land1', 'port1', 'land2', 'port2', 'logo', 'music', 'photo1', 'photo2', 'photo3'].map((id) => [
			id,
			path.join(dir, id === 'logo' ? 'logo.png' : id === 'music' ? 'music.m4a' : id.startsWith('photo') ? `${id}.jpg` : `${id}.mp4`),
		]),
	)
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const start = performance.now()
	const value = await work()
	return { ms: performance.now() - start, value }
}

async function main() {
	await makeFixtures()
	const spec = referenceSpec()
	const work = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-render-'))
	const assPath = path.join(work, 'captions.ass')
	await fs.writeFile(assPath, buildAssSubtitles(spec.captions!, { width: 1080, height: 1920 }))

	const engineRuns: EngineRun[] = []
	const handRuns: { ms: number; cpuSeconds: number }[] = []
	let engineOutput = ''
	for (let run = 0; run < RUNS; run++) {
		const cpuBefore = await cpuSeconds()
		const hand = await timed(() => runCommand(handWrittenArgs(assPath, path.join(work, `hand-${run}.mp4`))))
		handRuns.push({ ms: hand.ms, cpuSeconds: (await cpuSeconds()) - cpuBefore })
		engineOutput = path.join(work, `engine-${run}.mp4`)
		const engine = await engineRunInChild(engineOutput)
		engineRuns.push(engine)
		console.log(
			`run ${run + 1}: hand-written ${(hand.ms / 1000).toFixed(2)} s (${handRuns[run].cpuSeconds.toFixed(1)} CPU s), ` +
				`engine ${(engine.ms / 1000).toFixed(2)} s (${engine.cpuSeconds.toFixed(1)} CPU s, ${engine.peakRssMb} MB, ${engine.loudness} LUFS); load ${os.loadavg()[0].toFixed(1)}`,
		)
	}
	const engineProbe = await probeFile(engineOutput)
	const handProbe = await probeFile(path.join(work, `hand-${RUNS - 1}.mp4`))
	console.log(`engine output: ${engineProbe.video?.width}x${engineProbe.video?.height}, ${engineProbe.durationMs} ms, ${engineProbe.sizeBytes} bytes`)
	console.log(`hand-written output: ${handProbe.video?.width}x${handProbe.video?.height}, ${handProbe.durationMs} ms, ${handProbe.sizeBytes} bytes`)
	await fs.rm(work, { recursive: true, force: true })

	const engine = engineRuns.reduce((best, run) => (run.ms < best.ms ? run : best))
	const hand = handRuns.reduce((best, run) => (run.ms < best.ms ? run : best))
	const outputSeconds = (engineProbe.durationMs ?? 0) / 1000
	const cores = os.availableParallelism()
	console.log(
		JSON.stringify({
			ratio: round(engine.ms / hand.ms),
			speed: round(outputSeconds / (engine.ms / 1000)),
			peak_rss_mb: Math.max(...engineRuns.map((run) => run.peakRssMb)),
			engine_s: round(engine.ms / 1000),
			hand_written_s: round(hand.ms / 1000),
			// CPU time does not depend on what else the machine runs: output
			// seconds per wall second if the cores were all this render's.
			engine_cpu_s: round(engine.cpuSeconds),
			hand_written_cpu_s: round(hand.cpuSeconds),
			speed_if_cores_free: round(outputSeconds / (engine.cpuSeconds / cores)),
			output_s: outputSeconds,
			x264_preset: FINAL_X264_PRESET,
			cores,
			load_average: round(os.loadavg()[0]),
		}),
	)
}

function runCommand(args: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(ffmpegPath(), args, { stdio: ['ignore', 'ignore', 'pipe'] })
		let stderr = ''
		child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)))
		child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`hand-written ffmpeg failed (${code}): ${stderr}`))))
	})
}

function round(value: number) {
	return Math.round(value * 100) / 100
}

const engineRunFlag = process.argv.indexOf('--engine-run')
if (engineRunFlag >= 0) await engineRunInThisProcess(process.argv[engineRunFlag + 1])
else await main()
