// Mutation testing of the pure core (docs/decisions/120-mutation-testing.md).
// `npm run test:mutation` (scripts/mutation.mjs) runs Stryker with this config
// and fails below `thresholds.break` overall or below `perFileFloor` for any
// one module. A new pure module (no database, network, process or file
// system) under a listed folder joins by itself; one in a new folder gets a
// line in `mutate`. A module that is not pure goes in the `!` list with why.

/** The lowest mutation score any one module may have (%). */
export const perFileFloor = 85

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	vitest: { configFile: 'vitest.stryker.config.ts' },
	coverageAnalysis: 'perTest',
	mutate: [
		'app/utils/vietnamese.ts',
		'app/utils/coop-time.ts',
		'app/utils/money.ts',
		'app/utils/redirect.ts',
		'app/utils/session-expiry.ts',
		'app/accounts/*.ts',
		'app/products/*.ts',
		'app/media/*.ts',
		'app/studio/captions/*.ts',
		'app/studio/spec/*.ts',
		'app/studio/templates/*.ts',
		'app/studio/edits/*.ts',
		'app/studio/photo-posts/*.ts',
		'app/live/*.ts',
		'app/publishing/*.ts',
		'app/orders/*.ts',
		'app/links/*.ts',
		'app/results/*.ts',
		'app/studio/render/*.ts',
		'workers/analysis/*.ts',
		'workers/photo/crop-window.ts',
		'workers/photo/fit-jpeg.ts',
		'workers/photo/layout.ts',
		'workers/render/geometry.ts',
		'workers/render/loudness.ts',
		'workers/render/graph/*.ts',
		'workers/publish/deliver.ts',
		'workers/media/video-commands.ts',
		'app/publishing/platform/errors.ts',
		'workers/publish/rate-limits.ts',
		'workers/publish/reasons.ts',
		'!**/*.server.ts',
		// React hooks and browser upload code: not pure logic.
		'!app/accounts/use-can.ts',
		'!app/studio/edits/use-*.ts',
		'!app/media/upload-queue.ts',
		// Writes the font files it needs to a temporary folder.
		'!app/studio/captions/ass.ts',
		// Runs ffmpeg and reads files.
		'!workers/analysis/analyze-clip.ts',
	],
	ignorePatterns: ['/build', '/media', '/tmp', '/reports', '/bench/out', '/test-results', '/tests/e2e', '/tests/integration', '*.db'],
	tempDirName: 'tmp/stryker',
	concurrency: 2,
	// Mutants in code that runs at import need the whole suite re-run in a fresh environment each:
	// 13 % of the mutants, 78 % of the time (docs/decisions/120-mutation-testing.md).
	ignoreStatic: true,
	incremental: true,
	incrementalFile: 'reports/mutation/stryker-incremental.json',
	// The survivors (file, line, the change) and the progress, without the score table: the runner prints its own.
	reporters: ['json', 'clear-text', 'progress-append-only'],
	clearTextReporter: { reportTests: false, reportScoreTable: false, logTests: false },
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	thresholds: { high: 95, low: 90, break: 90 },
	timeoutMS: 10_000,
	cleanTempDir: 'always',
}
