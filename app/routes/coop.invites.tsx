import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getCoopSummary } from '~/accounts/coop-profile.server.ts'
import { CreateInviteSchema, InviteIdSchema } from '~/accounts/coop-schemas.ts'
import { formatDateTime } from '~/utils/coop-time.ts'
import { createInvite, listPendingInvites, revokeInvite } from '~/accounts/invites.server.ts'
import { ROLES } from '~/accounts/permissions.ts'
import { LinkToSend } from '~/accounts/share-buttons.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorLine } from '~/components/forms.tsx'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { getT } from '~/utils/language.server.ts'
import { invariantResponse, redirectWithToast } from '~/utils/responses.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:invite')
	const [{ lng }, coop, invites] = await Promise.all([getT(request), getCoopSummary(coopId), listPendingInvites(coopId)])
	return {
		invites: invites.map((invite) => ({
			id: invite.id,
			role: invite.role,
			createdBy: invite.createdBy.name,
			expires: formatDateTime(invite.expiresAt, lng, coop.timezone),
		})),
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const formData = await request.formData()
	return dispatchIntent(formData, {
		revoke: () => revoke(request, formData),
		create: () => create(request, formData),
	})
}

/** The one moment the link exists in clear: it goes back in this answer and nowhere else. */
async function create(request: Request, formData: FormData) {
	const { coopId, userId } = await requireCoopPermission(request, 'create:invite')
	const submission = parseWithZod(formData, { schema: CreateInviteSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), created: null }, { status: 400 })
	const { token, invite } = await createInvite({ coopId, role: submission.value.role, createdById: userId })
	const [{ lng }, coop] = await Promise.all([getT(request), getCoopSummary(coopId)])
	const base = getEnv().PUBLIC_URL ?? new URL(request.url).origin
	return data(
		{
			result: submission.reply({ resetForm: true }),
			created: {
				link: new URL(`/invite/${token}`, base).toString(),
				role: invite.role,
				coop: coop.name,
				expires: formatDateTime(invite.expiresAt, lng, coop.timezone),
			},
		},
		{ headers: { 'cache-control': 'no-store' } },
	)
}

async function revoke(request: Request, formData: FormData) {
	const { coopId } = await requireCoopPermission(request, 'delete:invite')
	const submission = parseWithZod(formData, { schema: InviteIdSchema })
	invariantResponse(submission.status === 'success', 'Choose an invite', 400)
	// Another co-op's invite, or one already used, is "not found" here.
	invariantResponse(await revokeInvite(coopId, submission.value.inviteId), 'Invite not found')
	return redirectWithToast(request, '/coop/invites', { kind: 'success', key: 'coop:invites.revoked' })
}

export default function InvitesPage() {
	const { t } = useTranslation('coop')
	const { invites } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'create-invite',
		lastResult: actionData?.result,
		defaultValue: { role: 'viewer' },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateInviteSchema }),
	})
	return (
		<div className="space-y-6">
			{actionData?.created ? <CreatedInvite created={actionData.created} /> : null}
			<Form method="post" {...getFormProps(form)} className="card">
				<h2 className="mb-1 text-lg font-semibold">{t('invites.title')}</h2>
				<p className="mb-4 text-sm text-stone-600">{t('invites.intro')}</p>
				<input type="hidden" name="intent" value="create" />
				<fieldset className="mb-4">
					<legend className="field-label">{t('invites.role')}</legend>
					<div className="space-y-2">
						{ROLES.map((role) => (
							<label
								key={role}
								className="flex cursor-pointer gap-3 rounded-lg border border-stone-200 p-3 has-[:checked]:border-tea-600 has-[:checked]:bg-tea-50"
							>
								<input
									type="radio"
									name={fields.role.name}
									value={role}
									defaultChecked={fields.role.initialValue === role}
									className="mt-1"
								/>
								<span>
									<span className="block font-semibold">{t(`roles.${role}`, { ns: 'common' })}</span>
									<span className="block text-sm text-stone-600">{t(`roleHelp.${role}`)}</span>
								</span>
							</label>
						))}
					</div>
					<ErrorLine message={fields.role.errors?.length ? fields.role.errors.map((e) => t(e)).join(' ') : null} />
				</fieldset>
				<button type="submit" className="btn-primary w-full sm:w-auto">
					{t('invites.create')}
				</button>
			</Form>
			<section className="card">
				<h2 className="mb-3 text-lg font-semibold">{t('invites.pendingTitle')}</h2>
				{invites.length === 0 ? <p className="text-stone-600">{t('invites.none')}</p> : null}
				<ul className="divide-y divide-stone-100" data-testid="pending-invites">
					{invites.map((invite) => (
						<li key={invite.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
							<div>
								<p className="font-semibold">{t(`roles.${invite.role}`, { ns: 'common' })}</p>
								<p className="text-sm text-stone-500">
									{t('invites.createdBy', { name: invite.createdBy })} · {t('invites.expires', { date: invite.expires })}
								</p>
							</div>
							<Form
								method="post"
								onSubmit={(event) => (window.confirm(t('invites.confirmRevoke')) ? undefined : event.preventDefault())}
							>
								<input type="hidden" name="intent" value="revoke" />
								<input type="hidden" name="inviteId" value={invite.id} />
								<button type="submit" className="btn-secondary">
									{t('invites.revoke')}
								</button>
							</Form>
						</li>
					))}
				</ul>
			</section>
		</div>
	)
}

function CreatedInvite({ created }: { created: { link: string; role: string; coop: string; expires: string } }) {
	const { t } = useTranslation('coop')
	const message = t('invites.shareMessage', {
		coop: created.coop,
		role: t(`roles.${created.role}`, { ns: 'common' }),
		date: created.expires,
		link: created.link,
	})
	return (
		<section className="card border-tea-500 bg-tea-50" data-testid="created-invite" aria-live="polite">
			<h2 className="mb-1 text-lg font-semibold">{t('invites.createdTitle')}</h2>
			<p className="mb-3 text-sm text-stone-700">{t('invites.createdNote')}</p>
			<LinkToSend id="invite" label={t('invites.link')} link={created.link} message={message} />
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary back="coop" />
}
