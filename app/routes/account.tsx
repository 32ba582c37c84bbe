import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { EmailField, PersonNameField } from '~/accounts/account-fields.tsx'
import { tooManyAttemptsReply } from '~/accounts/attempt-limit.server.ts'
import { formatDateTime } from '~/utils/coop-time.ts'
import type { DeviceDescription } from '~/accounts/device.ts'
import { memberCoopTimeZone } from '~/accounts/members.server.ts'
import { getProfile, PasswordNeededError, updateProfile } from '~/accounts/profile.server.ts'
import { ChangePasswordSchema, ProfileSchema } from '~/accounts/schemas.ts'
import { EmailTakenError } from '~/accounts/signup.server.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Field, FormError } from '~/components/forms.tsx'
import {
	changePassword,
	listActiveSessions,
	requireSession,
	revokeOtherSessions,
	revokeSession,
	WrongPasswordError,
} from '~/utils/auth.server.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { getT } from '~/utils/language.server.ts'
import { invariantResponse, redirectWithToast } from '~/utils/responses.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const session = await requireSession(request)
	const [{ lng }, { name, email }, sessions, timeZone] = await Promise.all([
		getT(request),
		getProfile(session.userId),
		listActiveSessions(session.userId),
		session.activeCoopId ? memberCoopTimeZone(session.userId, session.activeCoopId) : null,
	])
	return {
		user: { name, email },
		sessions: sessions.map((s) => ({
			id: s.id,
			device: s.device,
			current: s.id === session.id,
			signedIn: formatDateTime(s.createdAt, lng, timeZone ?? undefined),
		})),
	}
}

export async function action({ request, context }: ActionFunctionArgs) {
	const session = await requireSession(request)
	const formData = await request.formData()
	return dispatchIntent(formData, {
		signOutOthers: () => signOutOthers(request, session),
		signOutOne: () => signOutOne(request, session, formData),
		updateProfile: async () => (context.tooManyAttempts ? tooManyAttemptsReply() : saveProfile(request, session, formData)),
		changePassword: async () => (context.tooManyAttempts ? tooManyAttemptsReply() : savePassword(request, session, formData)),
	})
}

type AccountSession = Awaited<ReturnType<typeof requireSession>>

async function signOutOthers(request: Request, session: AccountSession) {
	const count = await revokeOtherSessions(session.userId, session.id)
	return redirectWithToast(request, '/account', { kind: 'success', key: 'auth:account.othersSignedOut', values: { count } })
}

async function signOutOne(request: Request, session: AccountSession, formData: FormData) {
	const sessionId = formData.get('sessionId')
	// Someone else's session id is "not found", like one that never existed.
	invariantResponse(typeof sessionId === 'string' && sessionId !== session.id, 'Session not found')
	invariantResponse(await revokeSession(session.userId, sessionId), 'Session not found')
	return redirectWithToast(request, '/account', { kind: 'success', key: 'auth:account.oneSignedOut' })
}

async function saveProfile(request: Request, session: AccountSession, formData: FormData) {
	const intent = 'updateProfile'
	const submission = parseWithZod(formData, { schema: ProfileSchema })
	if (submission.status !== 'success') {
		return data({ intent, result: submission.reply({ hideFields: ['currentPassword'] }) }, { status: 400 })
	}
	try {
		const { emailChanged, email } = await updateProfile({ userId: session.userId, ...submission.value })
		return redirectWithToast(
			request,
			'/account',
			emailChanged
				? { kind: 'success', key: 'auth:account.emailChanged', values: { email } }
				: { kind: 'success', key: 'auth:account.profileSaved' },
		)
	} catch (error) {
		// A 400 also counts as a failed attempt for the limiter, like a wrong password on the other forms.
		return data(
			{ intent, result: submission.reply({ fieldErrors: profileFieldErrors(error), hideFields: ['currentPassword'] }) },
			{ status: 400 },
		)
	}
}

async function savePassword(request: Request, session: AccountSession, formData: FormData) {
	const intent = 'changePassword'
	const submission = parseWithZod(formData, { schema: ChangePasswordSchema })
	if (submission.status !== 'success') {
		return data({ intent, result: submission.reply({ hideFields: ['currentPassword', 'newPassword', 'confirmPassword'] }) }, { status: 400 })
	}
	try {
		await changePassword({ userId: session.userId, keepSessionId: session.id, ...submission.value })
	} catch (error) {
		if (!(error instanceof WrongPasswordError)) throw error
		return data(
			{
				intent,
				result: submission.reply({
					fieldErrors: { currentPassword: ['errors.currentPasswordWrong'] },
					hideFields: ['currentPassword', 'newPassword', 'confirmPassword'],
				}),
			},
			{ status: 400 },
		)
	}
	return redirectWithToast(request, '/account', { kind: 'success', key: 'auth:account.passwordChanged' })
}

function profileFieldErrors(error: unknown): Record<string, string[]> {
	if (error instanceof PasswordNeededError) return { currentPassword: ['errors.emailNeedsPassword'] }
	if (error instanceof WrongPasswordError) return { currentPassword: ['errors.currentPasswordWrong'] }
	if (error instanceof EmailTakenError) return { email: ['errors.emailTakenByOther'] }
	throw error
}

export const meta: MetaFunction = () => [{ title: 'Co-op Studio' }]

export default function AccountPage() {
	const { t } = useTranslation('auth')
	const { user, sessions } = useLoaderData<typeof loader>()
	const others = sessions.filter((s) => !s.current)
	return (
		<div className="mx-auto max-w-2xl space-y-6">
			<div>
				<h1 className="text-2xl font-bold break-words">{t('account.title')}</h1>
				<p className="text-stone-600 break-words">{user.name}</p>
				<p className="text-sm text-stone-600 [overflow-wrap:anywhere]">{t('account.signedInAs', { email: user.email })}</p>
			</div>
			{/* Keyed by what is saved, so that after a save the form starts again from the new values, password cleared. */}
			<ProfileForm key={`${user.name}\n${user.email}`} user={user} />
			<section className="card">
				<h2 className="mb-1 text-lg font-semibold">{t('account.sessionsTitle')}</h2>
				<p className="mb-3 text-sm text-stone-600">{t('account.sessionsIntro')}</p>
				<ul className="divide-y divide-stone-100" data-testid="sessions">
					{sessions.map((s) => (
						<li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-3" data-testid="session">
							<div>
								<p className="font-medium">
									<DeviceName device={s.device} />
									{s.current ? (
										<span className="ml-2 rounded-full bg-tea-100 px-2 py-0.5 text-xs font-semibold text-tea-700">
											{t('account.thisDevice')}
										</span>
									) : null}
								</p>
								<p className="text-sm text-stone-500">{t('account.signedInOn', { date: s.signedIn })}</p>
							</div>
							{s.current ? null : (
								<Form method="post">
									<input type="hidden" name="intent" value="signOutOne" />
									<input type="hidden" name="sessionId" value={s.id} />
									<button type="submit" className="btn-secondary">
										{t('account.signOutOne')}
									</button>
								</Form>
							)}
						</li>
					))}
				</ul>
				{others.length ? (
					<Form method="post" className="mt-3">
						<input type="hidden" name="intent" value="signOutOthers" />
						<button type="submit" className="btn-danger w-full sm:w-auto">
							{t('account.signOutOthers')}
						</button>
					</Form>
				) : (
					<p className="mt-3 text-sm text-stone-600">{t('account.noOthers')}</p>
				)}
			</section>
			<ChangePasswordForm />
		</div>
	)
}

function DeviceName({ device }: { device: DeviceDescription }) {
	const { t } = useTranslation('auth')
	if (device.browser && device.system) return <>{t('account.deviceOn', device)}</>
	return <>{device.browser ?? device.system ?? t('account.unknownDevice')}</>
}

function ProfileForm({ user }: { user: { name: string; email: string } }) {
	const { t } = useTranslation('auth')
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'profile',
		defaultValue: { name: user.name, email: user.email, currentPassword: '' },
		lastResult: actionData && 'result' in actionData && actionData.intent === 'updateProfile' ? actionData.result : undefined,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
		// Errors clear while typing, not on blur: the password's error sits right above the button,
		// and removing it as the tap blurs the field would move the button from under the finger.
		shouldRevalidate: 'onInput',
	})
	return (
		<Form method="post" {...getFormProps(form)} className="card">
			<h2 className="mb-1 text-lg font-semibold">{t('account.profileTitle')}</h2>
			<p className="mb-3 text-sm text-stone-600">{t('account.profileIntro')}</p>
			<FormError message={actionData && 'tooManyAttempts' in actionData ? t('tooManyAttempts') : null} />
			<input type="hidden" name="intent" value="updateProfile" />
			<PersonNameField field={fields.name} />
			<EmailField field={fields.email} />
			<Field
				label={t('account.currentPassword')}
				id={fields.currentPassword.id}
				errors={fields.currentPassword.errors}
				ns="auth"
				hint={t('account.profilePasswordHint')}
			>
				<input
					className="field-input"
					{...getInputProps(fields.currentPassword, { type: 'password' })}
					autoComplete="current-password"
				/>
			</Field>
			<button type="submit" className="btn-primary w-full sm:w-auto">
				{t('account.profileSubmit')}
			</button>
		</Form>
	)
}

function ChangePasswordForm() {
	const { t } = useTranslation('auth')
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'change-password',
		lastResult: actionData && 'result' in actionData && actionData.intent === 'changePassword' ? actionData.result : undefined,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<Form method="post" {...getFormProps(form)} className="card">
			<h2 className="mb-1 text-lg font-semibold">{t('account.passwordTitle')}</h2>
			<p className="mb-3 text-sm text-stone-600">{t('account.passwordIntro')}</p>
			<FormError message={actionData && 'tooManyAttempts' in actionData ? t('tooManyAttempts') : null} />
			<input type="hidden" name="intent" value="changePassword" />
			<Field label={t('account.currentPassword')} id={fields.currentPassword.id} errors={fields.currentPassword.errors} ns="auth">
				<input
					className="field-input"
					{...getInputProps(fields.currentPassword, { type: 'password' })}
					autoComplete="current-password"
				/>
			</Field>
			<Field label={t('account.newPassword')} id={fields.newPassword.id} errors={fields.newPassword.errors} ns="auth">
				<input className="field-input" {...getInputProps(fields.newPassword, { type: 'password' })} autoComplete="new-password" />
			</Field>
			<Field label={t('account.confirmPassword')} id={fields.confirmPassword.id} errors={fields.confirmPassword.errors} ns="auth">
				<input
					className="field-input"
					{...getInputProps(fields.confirmPassword, { type: 'password' })}
					autoComplete="new-password"
				/>
			</Field>
			<button type="submit" className="btn-primary w-full sm:w-auto">
				{t('account.passwordSubmit')}
			</button>
		</Form>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
