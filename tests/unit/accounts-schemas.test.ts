import { expect, test } from 'vitest'
import { ChangePasswordSchema, SignupSchema } from '~/accounts/schemas.ts'

test('sign-up keeps names and emails in NFC without surrounding spaces', () => {
	const parsed = SignupSchema.parse({
		name: ' Nguye\u0302\u0303n Thi\u0323 Ha\u0300 ',
		email: ' ha@hoptac.vn ',
		password: 'che-shan-tuyet',
		coopName: ' HTX Suo\u0302\u0301i Gia\u0300ng ',
		province: ' Ye\u0302n Ba\u0301i ',
	})
	expect(parsed).toEqual({ name: 'Nguyễn Thị Hà', email: 'ha@hoptac.vn', password: 'che-shan-tuyet', coopName: 'HTX Suối Giàng', province: 'Yên Bái' })
})

test('a new password must be typed the same twice', () => {
	const base = { currentPassword: 'old-password', newPassword: 'new-password' }
	expect(ChangePasswordSchema.safeParse({ ...base, confirmPassword: 'new-password' }).success).toBe(true)
	const mismatch = ChangePasswordSchema.safeParse({ ...base, confirmPassword: 'new-passw0rd' })
	expect(mismatch.success).toBe(false)
	expect(mismatch.error?.issues).toEqual([expect.objectContaining({ path: ['confirmPassword'], message: 'errors.passwordMismatch' })])
})
