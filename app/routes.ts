import { flatRoutes } from '@remix-run/fs-routes'
import type { RouteConfig } from '@remix-run/route-config'

// Server helpers (`*.server.ts`) and private modules (`__*`) sit beside the
// routes that use them without becoming routes themselves.
export default flatRoutes({ ignoredRouteFiles: ['**/*.server.*', '**/__*', '**/*.test.*'] }) satisfies RouteConfig
