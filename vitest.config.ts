import tsconfigPaths from 'vite-tsconfig-paths'
import { defineConfig } from 'vitest/config'

// Three kinds of test, one command (scripts/test.sh runs them all):
// unit: pure logic, no services; integration: the real Redis, a real SQLite
// file, real ffmpeg; e2e: the built app and worker driven in Chromium.
export default defineConfig({
	plugins: [tsconfigPaths()],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.{ts,tsx}'],
					setupFiles: ['tests/support/setup-unit.ts'],
				},
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/support/global-database.ts'],
					setupFiles: ['tests/support/setup-integration.ts'],
					testTimeout: 120_000,
					hookTimeout: 120_000,
					// Two cores: ffmpeg-heavy files must not all run at once.
					maxWorkers: 2,
				},
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					globalSetup: ['tests/support/global-database.ts', 'tests/support/global-e2e.ts'],
					setupFiles: ['tests/support/setup-unit.ts'],
					testTimeout: 180_000,
					hookTimeout: 180_000,
					fileParallelism: false,
				},
			},
		],
	},
})
