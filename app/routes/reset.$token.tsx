import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { tooManyAttemptsReply } from '~/accounts/attempt-limit.server.ts'
import { formatDateTime } from '~/utils/coop-time.ts'
import { PasswordInput } from '~/accounts/password-input.tsx'
import {
	findPasswordResetByToken,
	resetPasswordWithLink,
	ResetLinkUnavailableError,
	type ResetLinkProblem,
} from '~/accounts/password-resets.server.ts'
import { ResetPasswordSchema } from '~/accounts/schemas.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Field, FormError } from '~/components/forms.tsx'
import { startSession } from '~/utils/auth.server.ts'
import { getT } from '~/utils/language.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'

// Opening a password reset link an owner sent over Zalo: nobody needs to be
// signed in, since the token itself is the permission.

function problemReply(problem: ResetLinkProblem) {
	return data({ view: 'problem' as const, problem }, { status: problem === 'unknown' ? 404 : 410 })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const [link, { lng }] = await Promise.all([findPasswordResetByToken(params.token ?? ''), getT(request)])
	if (!link) return problemReply('unknown')
	if (link.problem) return problemReply(link.problem)
	return {
		view: 'form' as const,
		name: link.name,
		email: link.maskedEmail,
		expires: formatDateTime(link.expiresAt, lng, link.timezone),
	}
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	if (context.tooManyAttempts) return tooManyAttemptsReply()
	const submission = parseWithZod(await request.formData(), { schema: ResetPasswordSchema })
	if (submission.status !== 'success') {
		return data({ result: submission.reply({ hideFields: ['newPassword'] }) }, { status: 400 })
	}
	try {
		const { userId, coopId } = await resetPasswordWithLink(params.token ?? '', submission.value.newPassword)
		const setCookie = await startSession(request, userId, coopId)
		return redirectWithToast(request, '/', { kind: 'success', key: 'auth:reset.done' }, { headers: { 'set-cookie': setCookie } })
	} catch (error) {
		// Answered with the problem's status, so that failed tries count against the attempt limit.
		if (error instanceof ResetLinkUnavailableError) return problemReply(error.problem)
		throw error
	}
}

export const meta: MetaFunction = () => [{ title: 'Co-op Studio' }, { name: 'robots', content: 'noindex' }]

export default function ResetPasswordPage() {
	const loaderData = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const problem = actionData && 'problem' in actionData ? actionData.problem : loaderData.view === 'problem' ? loaderData.problem : null
	return (
		<div className="mx-auto max-w-md">
			{loaderData.view === 'form' && !problem ? <ResetForm link={loaderData} /> : <ResetProblem problem={problem ?? 'unknown'} />}
		</div>
	)
}

function ResetProblem({ problem }: { problem: ResetLinkProblem }) {
	const { t } = useTranslation('auth')
	return (
		<section className="card" data-testid="reset-problem">
			<h1 className="mb-2 text-xl font-bold">{t('reset.problemTitle')}</h1>
			<p className="mb-4">{t(`reset.problems.${problem}`)}</p>
			<Link to="/" className="btn-secondary">
				{t('errors.goHome', { ns: 'common' })}
			</Link>
		</section>
	)
}

function ResetForm({ link }: { link: { name: string; email: string; expires: string } }) {
	const { t } = useTranslation('auth')
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'reset-password',
		lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<>
			<h1 className="mb-2 text-2xl font-bold">{t('reset.title')}</h1>
			<p className="mb-1 break-words" data-testid="reset-for">
				{t('reset.forPerson', link)}
			</p>
			<p className="mb-4 text-sm text-stone-600">{t('reset.expires', { date: link.expires })}</p>
			<Form method="post" {...getFormProps(form)} className="card">
				<FormError message={actionData && 'tooManyAttempts' in actionData ? t('tooManyAttempts') : null} />
				<Field label={t('reset.newPassword')} id={fields.newPassword.id} errors={fields.newPassword.errors} ns="auth">
					<PasswordInput className="field-input" {...getInputProps(fields.newPassword, { type: 'password' })} autoComplete="new-password" />
				</Field>
				<p className="mb-4 text-sm text-stone-600">{t('reset.signsOutEverywhere')}</p>
				<button type="submit" className="btn-primary w-full">
					{t('reset.submit')}
				</button>
			</Form>
			<p className="mt-4 text-sm text-stone-600">{t('reset.notYou')}</p>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
