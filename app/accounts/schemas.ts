import { z } from 'zod'

// One schema per form, shared by the browser (Conform) and the action.
// Messages are translation keys in the "auth" namespace.
export const PROVINCES = ['Yên Bái', 'Thái Nguyên', 'Bắc Kạn', 'Tuyên Quang', 'Hà Giang', 'Lào Cai', 'Lạng Sơn', 'Cao Bằng', 'Phú Thọ', 'Sơn La', 'Điện Biên', 'Lai Châu', 'Hoà Bình', 'Khác'] as const

const nfc = (s: string) => s.normalize('NFC').trim()

export const emailField = z
	.string({ required_error: 'errors.emailRequired' })
	.transform(nfc)
	.pipe(z.string({ required_error: 'errors.emailRequired' }).email('errors.emailInvalid').max(254))
export const passwordField = z
	.string({ required_error: 'errors.passwordRequired' })
	.min(8, 'errors.passwordShort')
	.max(200, 'errors.passwordLong')
export const personNameField = z
	.string({ required_error: 'errors.nameRequired' })
	.transform(nfc)
	.pipe(z.string({ required_error: 'errors.nameRequired' }).min(1, 'errors.nameRequired').max(100))

export const coopFields = {
	coopName: z
		.string({ required_error: 'errors.coopNameRequired' })
		.transform(nfc)
		.pipe(z.string().min(2, 'errors.coopNameRequired').max(120)),
	province: z.string({ required_error: 'errors.provinceRequired' }).transform(nfc).pipe(z.string().min(1).max(60)),
}

export const LoginSchema = z.object({
	email: emailField,
	password: z.string({ required_error: 'errors.passwordRequired' }),
	redirectTo: z.string().optional(),
})

export const SignupSchema = z.object({
	name: personNameField,
	email: emailField,
	password: passwordField,
	...coopFields,
})

export const NewCoopSchema = z.object(coopFields)

/** Joining a co-op from an invite link without an account yet: no co-op of one's own to name. */
export const InviteSignupSchema = z.object({
	name: personNameField,
	email: emailField,
	password: passwordField,
})

export const ChangePasswordSchema = z
	.object({
		currentPassword: z.string({ required_error: 'errors.currentPasswordRequired' }),
		newPassword: passwordField,
		confirmPassword: z.string({ required_error: 'errors.confirmPasswordRequired' }),
	})
	.refine((value) => value.newPassword === value.confirmPassword, {
		path: ['confirmPassword'],
		message: 'errors.passwordMismatch',
	})

/** Name and email on the account page; the current password is checked only when the email changes. */
export const ProfileSchema = z.object({
	name: personNameField,
	email: emailField,
	currentPassword: z.string().optional(),
})

/** A new password from an owner's reset link: the link stands in for the current password. */
export const ResetPasswordSchema = z.object({
	newPassword: passwordField,
})
