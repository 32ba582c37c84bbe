import { useRouteLoaderData } from '@remix-run/react'
import type { loader as rootLoader } from '~/root.tsx'
import { can, type Permission } from './permissions.ts'

/**
 * The UI side of the permission table: `const can = useCan(); can('update:coop')`.
 * Reads the role the root loader put in `shell.role`, so what a page shows
 * matches what its action allows.
 */
export function useCan() {
	const role = useRouteLoaderData<typeof rootLoader>('root')?.shell.role ?? null
	return (permission: Permission) => can(role, permission)
}
