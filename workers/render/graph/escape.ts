import { escapeFilterValue } from '~/studio/render/filter-escape.ts'

/**
 * A picture read inside the graph (the `movie` source) rather than as an
 * ffmpeg input: ffmpeg's input scheduler then never reads ahead on it. A
 * still fed as an `-i` input next to transitions made ffmpeg 4.1 buffer
 * hundreds of decoded frames (1.8 GB instead of 0.5 GB for the benchmark edit).
 */
export function pictureSource(path: string): string {
	return `movie=filename=${escapeFilterValue(path)}`
}
