import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { getDb } from '~/utils/db.server.ts'
import { resetEnvForTests } from '~/utils/env.server.ts'
import * as callback from '~/routes/channels.callback.$platform.ts'
import * as connect from '~/routes/channels.connect.$platform.ts'
import * as channels from '~/routes/channels._index.tsx'
import { callRoute, getRequest, postRequest, sessionCookie } from '#tests/support/session-requests.ts'
import { addMember, createUserWithCoop } from '../../prisma/factories.ts'

// The channel routes as each role sees them: everyone who reads posts sees
// the list; only owners connect, add, or remove.

const saved = { ...process.env }
beforeAll(() => {
	Object.assign(process.env, { ENCRYPTION_KEY: randomBytes(32).toString('hex'), TIKTOK_CLIENT_KEY: 'tt-key', TIKTOK_CLIENT_SECRET: 'tt-secret', TIKTOK_AUTH_URL: 'https://tiktok.test' })
	resetEnvForTests()
})
afterAll(() => {
	process.env = saved
	resetEnvForTests()
})

type ChannelsData = { canManage: boolean; connectable: string[]; channels: Array<{ name: string; platform: string }> }

test('an editor sees the list read-only and cannot connect, add or remove; an owner can', async () => {
	const { user: owner, coop } = await createUserWithCoop()
	const { user: editor } = await addMember(coop.id, { role: 'editor' })
	const [ownerCookie, editorCookie] = [await sessionCookie(owner.id, { activeCoopId: coop.id }), await sessionCookie(editor.id, { activeCoopId: coop.id })]

	const added = await callRoute(channels.action, postRequest('/channels', { intent: 'addManual', manualKind: 'facebook_group', name: 'Nhóm Chè Yên Bái' }, ownerCookie))
	expect(added.status).toBe(302)
	const channel = await getDb().channel.findFirstOrThrow({ where: { coopId: coop.id } })
	expect(channel).toMatchObject({ platform: 'manual', manualKind: 'facebook_group', name: 'Nhóm Chè Yên Bái', address: null, connectedById: owner.id })

	const seen = await callRoute(channels.loader, getRequest('/channels', editorCookie))
	expect(seen.status).toBe(200)
	expect(seen.data).toMatchObject({ canManage: false, channels: [{ name: 'Nhóm Chè Yên Bái', platform: 'manual' }] } satisfies Partial<ChannelsData>)
	expect((await callRoute(channels.loader, getRequest('/channels', ownerCookie))).data).toMatchObject({ canManage: true, connectable: ['tiktok'] })

	expect((await callRoute(channels.action, postRequest('/channels', { intent: 'addManual', manualKind: 'other', name: 'X' }, editorCookie))).status).toBe(403)
	expect((await callRoute(channels.action, postRequest('/channels', { intent: 'archive', channelId: channel.id }, editorCookie))).status).toBe(403)
	expect((await callRoute(connect.loader, getRequest('/channels/connect/tiktok', editorCookie), { platform: 'tiktok' })).status).toBe(403)
	expect((await callRoute(callback.loader, getRequest('/channels/callback/tiktok?code=c&state=s', editorCookie), { platform: 'tiktok' })).status).toBe(403)
	expect(await getDb().oAuthState.count({ where: { coopId: coop.id } })).toBe(0)

	// The owner is sent to TikTok's authorisation page; a platform with no app says so.
	const toTikTok = await callRoute(connect.loader, getRequest('/channels/connect/tiktok', ownerCookie), { platform: 'tiktok' })
	expect(toTikTok.status).toBe(302)
	expect(toTikTok.location).toMatch(/^https:\/\/tiktok\.test\/v2\/auth\/authorize\/\?client_key=tt-key&/)
	expect(new URL(toTikTok.location!).searchParams.get('redirect_uri')).toBe('http://localhost/channels/callback/tiktok')
	const toZalo = await callRoute(connect.loader, getRequest('/channels/connect/zalo', ownerCookie), { platform: 'zalo' })
	expect(toZalo).toMatchObject({ status: 302, location: '/channels?error=notConfigured' })
	expect((await callRoute(connect.loader, getRequest('/channels/connect/myspace', ownerCookie), { platform: 'myspace' })).status).toBe(404)

	// A bad address is refused with its field's message; another co-op's channel cannot be removed.
	const bad = await callRoute(channels.action, postRequest('/channels', { intent: 'addManual', manualKind: 'marketplace', name: 'Shopee', address: 'javascript:alert(1)' }, ownerCookie))
	expect(bad).toMatchObject({ status: 400, data: { errors: { address: ['manual.addressInvalid'] } } })
	const { user: stranger, coop: otherCoop } = await createUserWithCoop()
	const strangerCookie = await sessionCookie(stranger.id, { activeCoopId: otherCoop.id })
	expect((await callRoute(channels.action, postRequest('/channels', { intent: 'archive', channelId: channel.id }, strangerCookie))).status).toBe(404)

	const removed = await callRoute(channels.action, postRequest('/channels', { intent: 'archive', channelId: channel.id, name: channel.name }, ownerCookie))
	expect(removed.status).toBe(302)
	expect((await getDb().channel.findUniqueOrThrow({ where: { id: channel.id } })).archivedAt).not.toBeNull()
})
