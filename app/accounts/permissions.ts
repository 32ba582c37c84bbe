// Roles and what each may do, as data. The server's guards
// (`requireCoopPermission` in app/utils/auth.server.ts) and the
// components (`useCan` from app/accounts/use-can.ts) read this one table, so
// a button is shown exactly when its action would be allowed.
// docs/decisions/004-auth.md explains the scheme.

export const ROLES = ['viewer', 'editor', 'owner'] as const
export type Role = (typeof ROLES)[number]

const VIEWER = [
	'read:coop',
	'read:member',
	'read:media',
	'read:product',
	'read:project',
	'read:post',
	'read:insight',
	// Livestreams: everyone reads the run sheet, the console and the report.
	'read:live',
	'read:order',
	'read:link',
] as const

const EDITOR = [
	...VIEWER,
	'create:media',
	'update:media',
	'delete:media',
	'create:product',
	'update:product',
	'delete:product',
	'create:project',
	'update:project',
	'delete:project',
	'create:post',
	'update:post',
	'delete:post',
	'publish:post',
	// Plan a live, run its console (confirm, merge, edit, reject orders), rotate its overlay link.
	'create:live',
	'update:live',
	// Staff entry, imports, state moves, customer edits and promo codes.
	'create:order',
	'update:order',
	'create:link',
] as const

const OWNER = [
	...EDITOR,
	'update:coop',
	'update:member',
	'delete:member',
	'read:invite',
	'create:invite',
	'delete:invite',
	'manage:channel',
	// An editor's post waits for this when the co-op asks for approval (Coop.postApproval).
	'approve:post',
	'read:queue',
	// The order webhook's secret (docs/decisions/188-order-webhook.md).
	'manage:webhook',
] as const

/** `action:entity` strings; adding one here is the only step needed to guard a new action. */
export type Permission = (typeof OWNER)[number]

export const PERMISSIONS_BY_ROLE: Readonly<Record<Role, readonly Permission[]>> = {
	viewer: VIEWER,
	editor: EDITOR,
	owner: OWNER,
}

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** True when `role` may do what `needed` may do (owner ⊃ editor ⊃ viewer). */
export function roleAtLeast(role: string, needed: Role): boolean {
	return isRole(role) && ROLES.indexOf(role) >= ROLES.indexOf(needed)
}

/** Whether a member with `role` may do `permission`; no role (signed out, no co-op) may do nothing. */
export function can(role: string | null | undefined, permission: Permission): boolean {
	return isRole(role) && PERMISSIONS_BY_ROLE[role].includes(permission)
}
