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
	server: { watch: { ignored: ['**/media/**', '**/tmp/**', '**/*.db*'] } },
	build: { target: 'es2022' },
	plugins: [tailwindcss(), remix(remixOptions), tsconfigPaths()],
})
