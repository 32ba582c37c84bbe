// The `-i` list of one ffmpeg invocation. Each input is added once with its
// own options (a trim's -ss/-t must sit right before its -i) and referred to
// by index in the filter graph.

export class InputList {
	private readonly entries: string[][] = []

	add(path: string, options: string[] = []): number {
		this.entries.push([...options, '-i', path])
		return this.entries.length - 1
	}

	args(): string[] {
		return this.entries.flat()
	}
}

/** Seconds with millisecond precision, as ffmpeg reads them. */
export function secondsArg(seconds: number): string {
	return String(Math.round(seconds * 1000) / 1000)
}
