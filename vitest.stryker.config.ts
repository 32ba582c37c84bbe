import tsconfigPaths from 'vite-tsconfig-paths'
import { defineConfig } from 'vitest/config'

// Stryker's vitest runner runs every project of the config it is given; the
// mutation run needs only the unit tests (pure logic, no services), so it gets
// this one-project config. Keep `include` and `setupFiles` equal to the unit
// project in vitest.config.ts.
export default defineConfig({
	plugins: [tsconfigPaths()],
	test: {
		include: ['tests/unit/**/*.test.{ts,tsx}'],
		setupFiles: ['tests/support/setup-unit.ts'],
	},
})
