// Remix's own options live here so that this file has one real job;
// vite.config.ts imports them. Every v3 future flag is on so that the move to
// React Router 7 stays one codemod away (docs/decisions/001-stack.md).
/** @type {Partial<import('@remix-run/dev').VitePluginConfig>} */
export const remixOptions = {
	appDirectory: 'app',
	// Tests of parallel work build elsewhere so that two builds never share a folder.
	buildDirectory: process.env.REMIX_BUILD_DIR ?? 'build',
	serverModuleFormat: 'esm',
	future: {
		v3_fetcherPersist: true,
		v3_relativeSplatPath: true,
		v3_throwAbortReason: true,
		v3_lazyRouteDiscovery: true,
		v3_singleFetch: true,
		v3_routeConfig: true,
	},
}

export default remixOptions
