import { expect, test } from 'vitest'
import { action as profileAction, loader as profileLoader } from '~/routes/coop._index.tsx'
import { action as newCoopAction } from '~/routes/coops.new.tsx'
import { action as switchAction } from '~/routes/coops.switch.ts'
import { requireCoopMember } from '~/utils/auth.server.ts'
import { getDb } from '~/utils/db.server.ts'
import { callRoute, getRequest, postRequest, sessionCookie } from '#tests/support/session-requests.ts'
import { addMember, createPhotoRecord, createUserWithCoop } from '../../prisma/factories.ts'

const profile = { name: 'HTX Chè Shan Tuyết Suối Giàng', province: 'Yên Bái', timezone: 'Asia/Ho_Chi_Minh' }

test('the owner saves a profile with normalised phone, Zalo and a logo from the library', async () => {
	const { user, coop } = await createUserWithCoop()
	const photo = await createPhotoRecord(coop.id)
	const cookie = await sessionCookie(user.id, { activeCoopId: coop.id })
	const page = await callRoute(profileLoader, getRequest('/coop', cookie))
	expect(page.data).toMatchObject({ editor: { logoChoices: [{ id: photo.id }] } })
	expect((page.data as { editor: { timeZones: string[] } }).editor.timeZones[0]).toBe('Asia/Ho_Chi_Minh')

	const saved = await callRoute(
		profileAction,
		postRequest('/coop', { ...profile, phone: '+84 912 345 678', zalo: 'zalo.me/0912345678', logoMediaId: photo.id }, cookie),
	)
	expect(saved.status).toBe(302)
	await expect(getDb().coop.findUniqueOrThrow({ where: { id: coop.id } })).resolves.toMatchObject({
		...profile,
		phone: '0912345678',
		zalo: 'https://zalo.me/0912345678',
		logoMediaId: photo.id,
	})

	const cleared = await callRoute(profileAction, postRequest('/coop', { ...profile, phone: '', zalo: '', logoMediaId: '' }, cookie))
	expect(cleared.status).toBe(302)
	await expect(getDb().coop.findUniqueOrThrow({ where: { id: coop.id } })).resolves.toMatchObject({
		phone: null,
		zalo: null,
		logoMediaId: null,
	})
})

test('bad fields answer 400 with every field error', async () => {
	const { user, coop } = await createUserWithCoop()
	const cookie = await sessionCookie(user.id, { activeCoopId: coop.id })
	const answer = await callRoute(
		profileAction,
		postRequest('/coop', { name: 'H', province: 'Yên Bái', timezone: 'Asia/Hanoi', phone: '123', zalo: 'facebook.com/x' }, cookie),
	)
	expect(answer.status).toBe(400)
	expect(answer.data).toMatchObject({
		result: {
			error: {
				name: ['errors.nameRequired'],
				timezone: ['errors.timeZoneInvalid'],
				phone: ['errors.phoneInvalid'],
				zalo: ['errors.zaloInvalid'],
			},
		},
	})
	await expect(getDb().coop.findUniqueOrThrow({ where: { id: coop.id } })).resolves.toMatchObject({ name: coop.name })
})

test("the logo must be one of this co-op's ready photos", async () => {
	const { user, coop } = await createUserWithCoop()
	const other = await createUserWithCoop()
	const foreignPhoto = await createPhotoRecord(other.coop.id)
	const video = await createPhotoRecord(coop.id, { kind: 'video' })
	const processing = await createPhotoRecord(coop.id, { status: 'processing' })
	const cookie = await sessionCookie(user.id, { activeCoopId: coop.id })
	for (const media of [foreignPhoto, video, processing]) {
		const answer = await callRoute(profileAction, postRequest('/coop', { ...profile, logoMediaId: media.id }, cookie))
		expect(answer.status).toBe(400)
		expect(answer.data).toMatchObject({ result: { error: { logoMediaId: ['errors.logoInvalid'] } } })
	}
	const page = await callRoute(profileLoader, getRequest('/coop', cookie))
	expect(page.data).toMatchObject({ editor: { logoChoices: [] } })
	await expect(getDb().coop.findUniqueOrThrow({ where: { id: coop.id } })).resolves.toMatchObject({ logoMediaId: null })
})

test('editors and viewers read the profile but cannot save it', async () => {
	const { coop } = await createUserWithCoop()
	for (const role of ['viewer', 'editor'] as const) {
		const member = await addMember(coop.id, { role })
		const cookie = await sessionCookie(member.user.id, { activeCoopId: coop.id })
		const page = await callRoute(profileLoader, getRequest('/coop', cookie))
		expect(page.status).toBe(200)
		expect(page.data).toMatchObject({ profile: { id: coop.id, name: coop.name }, editor: null })
		const save = await callRoute(profileAction, postRequest('/coop', { ...profile, name: 'Đổi tên' }, cookie))
		expect(save.status).toBe(403)
	}
	await expect(getDb().coop.findUniqueOrThrow({ where: { id: coop.id } })).resolves.toMatchObject({ name: coop.name })
})

test('a person creates a second co-op and switches between the two', async () => {
	const { user, coop } = await createUserWithCoop()
	const cookie = await sessionCookie(user.id, { activeCoopId: coop.id })
	const invalid = await callRoute(newCoopAction, postRequest('/coops/new', { coopName: '', province: 'Lào Cai' }, cookie))
	expect(invalid.status).toBe(400)
	const created = await callRoute(newCoopAction, postRequest('/coops/new', { coopName: 'Tổ hợp tác quế Văn Yên', province: 'Yên Bái' }, cookie))
	expect(created.status).toBe(302)
	const second = await getDb().coop.findFirstOrThrow({ where: { name: 'Tổ hợp tác quế Văn Yên', memberships: { some: { userId: user.id } } } })
	await expect(requireCoopMember(getRequest('/', cookie))).resolves.toMatchObject({ coopId: second.id, role: 'owner' })

	const back = await callRoute(switchAction, postRequest('/coops/switch', { coopId: coop.id, redirectTo: '/coop' }, cookie))
	expect(back.status).toBe(302)
	expect(back.location).toBe('/coop')
	await expect(requireCoopMember(getRequest('/', cookie))).resolves.toMatchObject({ coopId: coop.id })

	const offsite = await callRoute(switchAction, postRequest('/coops/switch', { coopId: second.id, redirectTo: '//evil.example' }, cookie))
	expect(offsite.location).toBe('/')
})
