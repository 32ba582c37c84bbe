import { z } from 'zod'
import { normalizeText, normalizeVnMobile } from '~/utils/vietnamese.ts'
import { isSupportedTimeZone } from '~/utils/coop-time.ts'
import { normalizeZaloContact } from './coop-contact.ts'
import { ROLES } from './permissions.ts'

// Forms of the co-op pages, shared by the browser (Conform) and the actions.
// Messages are translation keys in the "coop" namespace.

const text = (requiredKey: string, min: number, max: number) =>
	z
		.string({ required_error: requiredKey })
		.transform(normalizeText)
		.pipe(z.string().min(min, requiredKey).max(max, 'errors.tooLong'))

export const CoopProfileSchema = z.object({
	name: text('errors.nameRequired', 2, 120),
	province: text('errors.provinceRequired', 1, 60),
	timezone: z
		.string({ required_error: 'errors.timeZoneRequired' })
		.refine(isSupportedTimeZone, 'errors.timeZoneInvalid'),
	phone: z
		.string()
		.optional()
		.transform((value, ctx) => {
			if (value === undefined) return null
			const phone = normalizeVnMobile(value)
			if (!phone) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'errors.phoneInvalid' })
			return phone
		}),
	zalo: z
		.string()
		.optional()
		.transform((value, ctx) => {
			if (value === undefined) return null
			const contact = normalizeZaloContact(value)
			if (!contact) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'errors.zaloInvalid' })
			return contact?.value ?? null
		}),
	// Empty means "no logo"; otherwise the id of one of the co-op's ready photos (checked by the action).
	logoMediaId: z.string().max(64).optional(),
	// Bank transfer on the public order pages (VietQR): all three or none.
	bankBin: z
		.string()
		.optional()
		.transform((value) => value?.replace(/\s+/g, '') || null)
		.refine((value) => value === null || /^\d{6}$/.test(value), 'errors.bankBinInvalid'),
	bankAccount: z
		.string()
		.optional()
		.transform((value) => value?.replace(/[\s.-]+/g, '') || null)
		.refine((value) => value === null || /^[0-9A-Za-z]{4,19}$/.test(value), 'errors.bankAccountInvalid'),
	bankAccountName: z
		.string()
		.optional()
		.transform((value) => (value ? normalizeText(value) : '') || null)
		.refine((value) => value === null || value.length <= 80, 'errors.tooLong'),
}).superRefine((profile, ctx) => {
	const given = [profile.bankBin, profile.bankAccount, profile.bankAccountName].filter((value) => value !== null).length
	if (given === 0 || given === 3) return
	for (const field of ['bankBin', 'bankAccount', 'bankAccountName'] as const) {
		if (profile[field] === null) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: 'errors.bankIncomplete' })
	}
})

export const CreateInviteSchema = z.object({
	role: z.enum(ROLES, { errorMap: () => ({ message: 'errors.roleRequired' }) }),
})

export const ChangeRoleSchema = z.object({
	membershipId: z.string().min(1).max(64),
	role: z.enum(ROLES, { errorMap: () => ({ message: 'errors.roleRequired' }) }),
})

export const MembershipIdSchema = z.object({ membershipId: z.string().min(1).max(64) })
export const InviteIdSchema = z.object({ inviteId: z.string().min(1).max(64) })
export const SwitchCoopSchema = z.object({
	coopId: z.string().min(1).max(64),
	redirectTo: z.string().optional(),
})
