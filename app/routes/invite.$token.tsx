import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AccountFields } from '~/accounts/account-fields.tsx'
import { tooManyAttemptsReply } from '~/accounts/attempt-limit.server.ts'
import { getCoopSummary } from '~/accounts/coop-profile.server.ts'
import { formatDateTime } from '~/utils/coop-time.ts'
import {
	acceptInvite,
	AlreadyMemberError,
	findInviteByToken,
	InviteUnavailableError,
	signUpWithInvite,
} from '~/accounts/invites.server.ts'
import { isMember } from '~/accounts/members.server.ts'
import { getProfile } from '~/accounts/profile.server.ts'
import { InviteSignupSchema } from '~/accounts/schemas.ts'
import { EmailTakenError } from '~/accounts/signup.server.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { FormError } from '~/components/forms.tsx'
import { readSessionRow, requireSession, startSession, switchActiveCoop } from '~/utils/auth.server.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { getT } from '~/utils/language.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'

// Opening an invite link: nobody needs to be signed in, since the token
// itself is the permission. Every state of the link gets a page that says
// what to do next.

export async function loader({ request, params }: LoaderFunctionArgs) {
	const token = params.token ?? ''
	const [invite, session, { lng }] = await Promise.all([findInviteByToken(token), readSessionRow(request), getT(request)])
	if (!invite) return data({ view: 'problem' as const, problem: 'unknown' as const }, { status: 404 })
	const coop = { id: invite.coop.id, name: invite.coop.name }
	const person = session ? await getProfile(session.userId) : null
	if (person && (await isMember(person.id, coop.id))) return { view: 'member' as const, coop }
	if (invite.state !== 'pending') return data({ view: 'problem' as const, problem: invite.state }, { status: 410 })
	return {
		view: person ? ('join' as const) : ('signup' as const),
		coop,
		role: invite.role,
		expires: formatDateTime(invite.expiresAt, lng, invite.coop.timezone),
		person: person ? { name: person.name, email: person.email } : null,
	}
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const token = params.token ?? ''
	const formData = await request.formData()
	try {
		return await dispatchIntent(formData, {
			join: () => joinSignedIn(request, token),
			signup: async () => (context.tooManyAttempts ? tooManyAttemptsReply() : joinWithNewAccount(request, token, formData)),
		})
	} catch (error) {
		// The page itself explains a used, expired or revoked link, or an existing membership.
		if (error instanceof InviteUnavailableError || error instanceof AlreadyMemberError) {
			return redirect(`/invite/${encodeURIComponent(token)}`)
		}
		throw error
	}
}

async function joinSignedIn(request: Request, token: string) {
	const session = await requireSession(request)
	const { coopId } = await acceptInvite(token, session.userId)
	await switchActiveCoop({ sessionId: session.id, userId: session.userId, coopId })
	return joinedRedirect(request, coopId)
}

async function joinWithNewAccount(request: Request, token: string, formData: FormData) {
	if (await readSessionRow(request)) return redirect(`/invite/${encodeURIComponent(token)}`)
	const submission = parseWithZod(formData, { schema: InviteSignupSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		const { userId, coopId } = await signUpWithInvite({ token, ...submission.value })
		return joinedRedirect(request, coopId, await startSession(request, userId, coopId))
	} catch (error) {
		if (!(error instanceof EmailTakenError)) throw error
		return data(
			{ result: submission.reply({ fieldErrors: { email: ['invite.emailTaken'] }, hideFields: ['password'] }) },
			{ status: 400 },
		)
	}
}

async function joinedRedirect(request: Request, coopId: string, setCookie?: string) {
	const coop = await getCoopSummary(coopId)
	return redirectWithToast(
		request,
		'/',
		{ kind: 'success', key: 'auth:invite.joined', values: { coop: coop.name } },
		setCookie ? { headers: { 'set-cookie': setCookie } } : undefined,
	)
}

export const meta: MetaFunction = () => [{ title: 'Co-op Studio' }, { name: 'robots', content: 'noindex' }]

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

export default function InvitePage() {
	const loaderData = useLoaderData<typeof loader>()
	return <div className="mx-auto max-w-md">{renderView(loaderData)}</div>
}

function renderView(view: LoaderData) {
	switch (view.view) {
		case 'problem':
			return <InviteProblem problem={view.problem} />
		case 'member':
			return <AlreadyMember coop={view.coop} />
		default:
			return <JoinInvite invite={view} />
	}
}

function InviteProblem({ problem }: { problem: 'unknown' | 'used' | 'revoked' | 'expired' }) {
	const { t } = useTranslation('auth')
	return (
		<section className="card" data-testid="invite-problem">
			<h1 className="mb-2 text-xl font-bold">{t('invite.problemTitle')}</h1>
			<p className="mb-4">{t(`invite.problems.${problem}`)}</p>
			<Link to="/" className="btn-secondary">
				{t('errors.goHome', { ns: 'common' })}
			</Link>
		</section>
	)
}

function AlreadyMember({ coop }: { coop: { id: string; name: string } }) {
	const { t } = useTranslation('auth')
	return (
		<section className="card" data-testid="invite-already-member">
			<p className="mb-4">{t('invite.alreadyMember', { coop: coop.name })}</p>
			<Form method="post" action="/coops/switch">
				<input type="hidden" name="coopId" value={coop.id} />
				<input type="hidden" name="redirectTo" value="/" />
				<button type="submit" className="btn-primary">
					{t('invite.openCoop', { coop: coop.name })}
				</button>
			</Form>
		</section>
	)
}

type JoinView = Extract<LoaderData, { view: 'join' | 'signup' }>

function JoinInvite({ invite }: { invite: JoinView }) {
	const { t } = useTranslation('auth')
	const role = t(`roles.${invite.role}`, { ns: 'common' })
	return (
		<>
			<h1 className="mb-2 text-2xl font-bold break-words">{t('invite.title', { coop: invite.coop.name })}</h1>
			<p className="mb-1">{t('invite.intro', { coop: invite.coop.name, role })}</p>
			<p className="mb-1 text-sm text-stone-600">{t(`roleHelp.${invite.role}`, { ns: 'coop' })}</p>
			<p className="mb-4 text-sm text-stone-600">{t('invite.expires', { date: invite.expires })}</p>
			{invite.person ? <JoinAsPerson coop={invite.coop.name} person={invite.person} /> : <JoinWithNewAccount />}
		</>
	)
}

function JoinAsPerson({ coop, person }: { coop: string; person: { name: string; email: string } }) {
	const { t } = useTranslation('auth')
	return (
		<section className="card">
			<p className="mb-4">{t('invite.joinAs', person)}</p>
			<Form method="post">
				<input type="hidden" name="intent" value="join" />
				<button type="submit" className="btn-primary w-full">
					{t('invite.join', { coop })}
				</button>
			</Form>
			<p className="mt-4 text-sm text-stone-600">{t('invite.notYou')}</p>
		</section>
	)
}

function JoinWithNewAccount() {
	const { t } = useTranslation('auth')
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'invite-signup',
		lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSignupSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<>
			<Form method="post" {...getFormProps(form)} className="card">
				<h2 className="mb-3 text-lg font-semibold">{t('invite.signupTitle')}</h2>
				<FormError message={actionData && 'tooManyAttempts' in actionData ? t('tooManyAttempts') : null} />
				<input type="hidden" name="intent" value="signup" />
				<AccountFields fields={fields} />
				<button type="submit" className="btn-primary w-full">
					{t('invite.signupSubmit')}
				</button>
			</Form>
			<SignInInstead />
		</>
	)
}

function SignInInstead() {
	const { t } = useTranslation('auth')
	const { pathname } = useLocation()
	return (
		<p className="mt-4 text-center text-sm">
			{t('invite.haveAccount')}{' '}
			<Link to={`/login?redirectTo=${encodeURIComponent(pathname)}`} className="font-semibold text-tea-700 underline">
				{t('invite.signInLink')}
			</Link>
		</p>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
