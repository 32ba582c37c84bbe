import path from 'node:path'
import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'
import tsconfigPaths from 'vite-tsconfig-paths'
import { remixOptions } from './remix.config.js'

declare module '@remix-run/node' {
	interface Future {
		v3_singleFetch: true
	}
}

export default defineConfig({
	// The uploaded-media folder at the root only: app/media and workers/media are source.
	server: { watch: { ignored: [`${path.resolve('media')}/**`, '**/tmp/**', '**/*.db*'] } },
	build: {
		target: 'es2022',
		rollupOptions: {
			// Resource routes (logout, files, language) have no client code, so their client chunk is empty by
			// design; Rollup's "Generated an empty chunk" line reads like an error to a newcomer. Every other warning stays.
			onwarn(warning, warn) {
				if (warning.code !== 'EMPTY_BUNDLE') warn(warning)
			},
		},
	},
	plugins: [tailwindcss(), remix(remixOptions), tsconfigPaths()],
})
