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
