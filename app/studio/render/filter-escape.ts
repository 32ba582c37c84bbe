// ffmpeg reads a filter graph twice: the graph parser splits filters on
// , ; [ ] and unquotes, then each filter splits its options on ':'. A file
// path inside a filter option must survive both, so it is escaped for the
// option level first and the graph level second. The one escape for every
// filter graph the project builds (renders, captions, clip analysis).

export function escapeFilterValue(value: string): string {
	const optionLevel = value.replace(/[\\':]/g, (c) => `\\${c}`)
	return optionLevel.replace(/[\\'[\],;]/g, (c) => `\\${c}`)
}
