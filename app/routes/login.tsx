import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { startSignInAttempt, tooManyAttemptsReply } from '~/accounts/attempt-limit.server.ts'
import { LoginSchema } from '~/accounts/schemas.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Field, FormError } from '~/components/forms.tsx'
import { checkCredentials, requireAnonymous, startSession } from '~/utils/auth.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'
import { safeRedirectPath } from '~/utils/redirect.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAnonymous(request)
	return null
}

export async function action({ request, context }: ActionFunctionArgs) {
	await requireAnonymous(request)
	if (context.tooManyAttempts) return tooManyAttemptsReply()
	const formData = await request.formData()
	const submission = parseWithZod(formData, { schema: LoginSchema })
	if (submission.status !== 'success') {
		return data({ result: submission.reply(), failed: false }, { status: 400 })
	}
	const attempt = await startSignInAttempt(request, submission.value.email, context.clientAddress ?? 'unknown')
	if (attempt.refused) return tooManyAttemptsReply(attempt.refused, attempt.retryAfterSeconds)
	const userId = await checkCredentials(submission.value.email, submission.value.password)
	if (!userId) {
		await attempt.failed()
		return data({ result: submission.reply({ hideFields: ['password'] }), failed: true }, { status: 400 })
	}
	const headers = new Headers()
	headers.append('set-cookie', await startSession(request, userId))
	headers.append('set-cookie', await attempt.succeeded())
	return redirectWithToast(request, safeRedirectPath(submission.value.redirectTo), { kind: 'success', key: 'auth:welcome' }, { headers })
}

export const headers: HeadersFunction = ({ actionHeaders }) => {
	const headers = new Headers()
	const retryAfter = actionHeaders.get('retry-after')
	if (retryAfter) headers.set('retry-after', retryAfter)
	return headers
}

export const meta: MetaFunction = () => [{ title: 'Đăng nhập · Co-op Studio' }]

export default function LoginPage() {
	const { t } = useTranslation('auth')
	const actionData = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const [form, fields] = useForm({
		id: 'login',
		lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<div className="mx-auto max-w-md">
			<h1 className="mb-4 text-2xl font-bold">{t('login.title')}</h1>
			<Form method="post" {...getFormProps(form)} className="card">
				<FormError message={loginProblem(actionData, t)} />
				<input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? '/'} />
				<Field label={t('login.email')} id={fields.email.id} errors={fields.email.errors} ns="auth">
					<input className="field-input" {...getInputProps(fields.email, { type: 'email' })} autoComplete="email" />
				</Field>
				<Field label={t('login.password')} id={fields.password.id} errors={fields.password.errors} ns="auth">
					<input
						className="field-input"
						{...getInputProps(fields.password, { type: 'password' })}
						autoComplete="current-password"
					/>
				</Field>
				<button type="submit" className="btn-primary w-full">
					{t('login.submit')}
				</button>
			</Form>
			<p className="mt-4 text-center text-sm">
				{t('login.noAccount')}{' '}
				<Link to="/signup" className="font-semibold text-tea-700 underline">
					{t('login.signupLink')}
				</Link>
			</p>
		</div>
	)
}

function loginProblem(actionData: ReturnType<typeof useActionData<typeof action>>, t: (key: string) => string) {
	if (!actionData) return null
	if ('tooManyAttempts' in actionData) return t(actionData.tooManyAttempts)
	return actionData.failed ? t('login.failed') : null
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
