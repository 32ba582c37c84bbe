import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getCoopSummary } from '~/accounts/coop-profile.server.ts'
import { ChangeRoleSchema, MembershipIdSchema } from '~/accounts/coop-schemas.ts'
import { formatDate, formatDateTime } from '~/utils/coop-time.ts'
import {
	changeMemberRole,
	findMember,
	LastOwnerError,
	leaveCoop,
	listMembers,
	removeMember,
} from '~/accounts/members.server.ts'
import { createPasswordResetLink, ResetNotAllowedError } from '~/accounts/password-resets.server.ts'
import { ROLES } from '~/accounts/permissions.ts'
import { LinkToSend } from '~/accounts/share-buttons.tsx'
import { useCan } from '~/accounts/use-can.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { FormError } from '~/components/forms.tsx'
import { requireCoopPermission, type CoopContext } from '~/utils/auth.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { getT } from '~/utils/language.server.ts'
import { invariantResponse, redirectWithToast } from '~/utils/responses.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId, userId } = await requireCoopPermission(request, 'read:member')
	const [{ lng }, members, coop] = await Promise.all([getT(request), listMembers(coopId), getCoopSummary(coopId)])
	return {
		me: userId,
		members: members.map((m) => ({ ...m, joined: formatDate(m.createdAt, lng, coop.timezone) })),
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const formData = await request.formData()
	try {
		return await dispatchIntent(formData, {
			changeRole: () => changeRole(request, formData),
			remove: () => remove(request, formData),
			leave: () => leave(request),
			resetPassword: () => makeResetLink(request, formData),
		})
	} catch (error) {
		if (error instanceof LastOwnerError) return data({ error: 'errors.lastOwner' }, { status: 400 })
		throw error
	}
}

/** Another co-op's membership id answers 404 like one that does not exist. */
async function requireMember(coopId: string, membershipId: string) {
	const member = await findMember(coopId, membershipId)
	invariantResponse(member, 'Member not found')
	return member
}

async function changeRole(request: Request, formData: FormData) {
	const { coopId } = await requireCoopPermission(request, 'update:member')
	const submission = parseWithZod(formData, { schema: ChangeRoleSchema })
	if (submission.status !== 'success') return data({ error: 'errors.roleRequired' }, { status: 400 })
	const { membershipId, role } = submission.value
	const member = await requireMember(coopId, membershipId)
	invariantResponse(await changeMemberRole(coopId, membershipId, role), 'Member not found')
	const { t } = await getT(request)
	return redirectWithToast(request, '/coop/members', {
		kind: 'success',
		key: 'coop:members.roleChanged',
		values: { name: member.user.name, role: t(`roles.${role}`) },
	})
}

async function remove(request: Request, formData: FormData) {
	const context = await requireCoopPermission(request, 'delete:member')
	const submission = parseWithZod(formData, { schema: MembershipIdSchema })
	invariantResponse(submission.status === 'success', 'Choose a member', 400)
	const member = await requireMember(context.coopId, submission.value.membershipId)
	invariantResponse(await removeMember(context.coopId, member.id), 'Member not found')
	if (member.userId === context.userId) return afterLeaving(request, context)
	return redirectWithToast(request, '/coop/members', {
		kind: 'success',
		key: 'coop:members.removed',
		values: { name: member.user.name },
	})
}

/**
 * The one moment the reset link exists in clear: it goes back in this answer
 * and nowhere else. Refusals say why (docs/decisions/018-password-reset-links.md).
 */
async function makeResetLink(request: Request, formData: FormData) {
	const { coopId, userId } = await requireCoopPermission(request, 'update:member')
	const submission = parseWithZod(formData, { schema: MembershipIdSchema })
	invariantResponse(submission.status === 'success', 'Choose a member', 400)
	const member = await requireMember(coopId, submission.value.membershipId)
	try {
		const { token, reset } = await createPasswordResetLink({ coopId, userId: member.userId, createdById: userId })
		const [{ lng }, coop] = await Promise.all([getT(request), getCoopSummary(coopId)])
		const base = getEnv().PUBLIC_URL ?? new URL(request.url).origin
		const resetLink = {
			link: new URL(`/reset/${token}`, base).toString(),
			name: member.user.name,
			expires: formatDateTime(reset.expiresAt, lng, coop.timezone),
		}
		return data({ resetLink }, { headers: { 'cache-control': 'no-store' } })
	} catch (error) {
		if (!(error instanceof ResetNotAllowedError)) throw error
		invariantResponse(error.reason !== 'notMember', 'Member not found')
		return data({ error: `errors.reset.${error.reason}` }, { status: error.reason === 'self' ? 400 : 403 })
	}
}

async function leave(request: Request) {
	const context = await requireCoopPermission(request, 'read:member')
	await leaveCoop(context.coopId, context.userId)
	return afterLeaving(request, context)
}

/** The session's active co-op is gone; the guard picks another (or asks to create one) on the next page. */
async function afterLeaving(request: Request, { coopId }: CoopContext) {
	const coop = await getCoopSummary(coopId)
	return redirectWithToast(request, '/', { kind: 'info', key: 'coop:members.left', values: { coop: coop.name } })
}

export default function MembersPage() {
	const { t } = useTranslation('coop')
	const { me, members } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const can = useCan()
	return (
		<section>
			<FormError message={actionData && 'error' in actionData ? t(actionData.error) : null} />
			{actionData && 'resetLink' in actionData ? <CreatedResetLink created={actionData.resetLink} /> : null}
			<ul className="space-y-3" data-testid="members">
				{members.map((member) => {
					const isMe = member.user.id === me
					return (
						<li key={member.id} className="card" data-testid={`member-${member.user.email}`}>
							<div className="flex flex-wrap items-baseline justify-between gap-2">
								<div className="min-w-0">
									<p className="font-semibold break-words">
										{member.user.name} {isMe ? <span className="font-normal text-stone-500">{t('members.you')}</span> : null}
									</p>
									<p className="text-sm break-all text-stone-500">{member.user.email}</p>
									<p className="text-sm text-stone-500">{t('members.joined', { date: member.joined })}</p>
								</div>
								<span className="rounded-full bg-stone-100 px-3 py-1 text-sm font-medium" data-testid="member-role">
									{t(`roles.${member.role}`, { ns: 'common' })}
								</span>
							</div>
							{can('update:member') ? <RoleForm membershipId={member.id} name={member.user.name} role={member.role} /> : null}
							<div className="mt-3 flex flex-wrap gap-2">
								{can('delete:member') && !isMe ? (
									<ConfirmForm
										intent="remove"
										membershipId={member.id}
										label={t('members.remove')}
										question={t('members.confirmRemove', { name: member.user.name })}
									/>
								) : null}
								{isMe ? (
									<ConfirmForm intent="leave" label={t('members.leave')} question={t('members.confirmLeave')} />
								) : null}
								{/* Owners are left out on purpose: one owner must not be able to take over another's account. */}
								{can('update:member') && !isMe && member.role !== 'owner' ? (
									<Form method="post">
										<input type="hidden" name="intent" value="resetPassword" />
										<input type="hidden" name="membershipId" value={member.id} />
										<button type="submit" className="btn-secondary">
											{t('members.makeResetLink')}
										</button>
									</Form>
								) : null}
							</div>
						</li>
					)
				})}
			</ul>
			{can('create:invite') ? (
				<Link to="/coop/invites" className="btn-primary mt-4">
					{t('members.inviteMore')}
				</Link>
			) : null}
		</section>
	)
}

function RoleForm({ membershipId, name, role }: { membershipId: string; name: string; role: string }) {
	const { t } = useTranslation('coop')
	const selectId = `role-${membershipId}`
	return (
		<Form method="post" className="mt-3 flex flex-wrap items-end gap-2">
			<input type="hidden" name="intent" value="changeRole" />
			<input type="hidden" name="membershipId" value={membershipId} />
			<div className="min-w-40 flex-1">
				<label className="field-label" htmlFor={selectId}>
					{t('members.roleOf', { name })}
				</label>
				<select id={selectId} name="role" defaultValue={role} className="field-input">
					{ROLES.map((r) => (
						<option key={r} value={r}>
							{t(`roles.${r}`, { ns: 'common' })}
						</option>
					))}
				</select>
			</div>
			<button type="submit" className="btn-secondary">
				{t('members.saveRole')}
			</button>
		</Form>
	)
}

function ConfirmForm({
	intent,
	membershipId,
	label,
	question,
}: {
	intent: string
	membershipId?: string
	label: string
	question: string
}) {
	return (
		<Form method="post" onSubmit={(event) => (window.confirm(question) ? undefined : event.preventDefault())}>
			<input type="hidden" name="intent" value={intent} />
			{membershipId ? <input type="hidden" name="membershipId" value={membershipId} /> : null}
			<button type="submit" className="btn-danger">
				{label}
			</button>
		</Form>
	)
}

function CreatedResetLink({ created }: { created: { link: string; name: string; expires: string } }) {
	const { t } = useTranslation('coop')
	const message = t('resetLink.shareMessage', { name: created.name, date: created.expires, link: created.link })
	return (
		<section className="card mb-4 border-tea-500 bg-tea-50" data-testid="created-reset-link" aria-live="polite">
			<h2 className="mb-1 text-lg font-semibold break-words">{t('resetLink.title', { name: created.name })}</h2>
			<p className="mb-1 text-sm text-stone-700">{t('resetLink.sendPrivately', { name: created.name })}</p>
			<p className="mb-3 text-sm text-stone-700">{t('resetLink.shownOnce')}</p>
			<LinkToSend id="reset" label={t('resetLink.link')} link={created.link} message={message} />
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary back="coop" />
}
