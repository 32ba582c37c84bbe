import { expect, test } from 'vitest'
import { can, isRole, PERMISSIONS_BY_ROLE, roleAtLeast, ROLES } from '~/accounts/permissions.ts'

test('each role holds every permission of the roles below it', () => {
	for (const permission of PERMISSIONS_BY_ROLE.viewer) expect(can('editor', permission)).toBe(true)
	for (const permission of PERMISSIONS_BY_ROLE.editor) expect(can('owner', permission)).toBe(true)
})

test('viewers only read, editors make content, owners manage the co-op', () => {
	expect(can('viewer', 'read:media')).toBe(true)
	expect(can('viewer', 'delete:media')).toBe(false)
	expect(can('viewer', 'update:coop')).toBe(false)
	expect(can('editor', 'delete:media')).toBe(true)
	expect(can('editor', 'publish:post')).toBe(true)
	expect(can('editor', 'update:coop')).toBe(false)
	expect(can('editor', 'create:invite')).toBe(false)
	expect(can('editor', 'read:queue')).toBe(false)
	expect(can('owner', 'update:coop')).toBe(true)
	expect(can('owner', 'delete:member')).toBe(true)
	expect(can('owner', 'read:queue')).toBe(true)
	// An editor's post may wait for an owner when the co-op asks for approval.
	expect(can('editor', 'approve:post')).toBe(false)
	expect(can('owner', 'approve:post')).toBe(true)
	// Orders: everyone reads them, editors enter, move and import, only owners hold the webhook's secret.
	expect(can('viewer', 'read:order')).toBe(true)
	expect(can('viewer', 'update:order')).toBe(false)
	expect(can('viewer', 'create:order')).toBe(false)
	expect(can('editor', 'create:order')).toBe(true)
	expect(can('editor', 'update:order')).toBe(true)
	expect(can('editor', 'manage:webhook')).toBe(false)
	expect(can('owner', 'manage:webhook')).toBe(true)
})

test('no role, or a role that is not one, may do nothing', () => {
	expect(can(null, 'read:coop')).toBe(false)
	expect(can(undefined, 'read:coop')).toBe(false)
	expect(can('admin', 'read:coop')).toBe(false)
	expect(isRole('admin')).toBe(false)
	expect(isRole('owner')).toBe(true)
})

test('roles are ordered viewer < editor < owner', () => {
	expect(ROLES).toEqual(['viewer', 'editor', 'owner'])
	expect(roleAtLeast('owner', 'editor')).toBe(true)
	expect(roleAtLeast('editor', 'editor')).toBe(true)
	expect(roleAtLeast('viewer', 'editor')).toBe(false)
	expect(roleAtLeast('superuser', 'viewer')).toBe(false)
})

test('permission strings read action:entity', () => {
	for (const permission of PERMISSIONS_BY_ROLE.owner) expect(permission).toMatch(/^[a-z]+:[a-z]+$/)
})
