import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AccountFields } from '~/accounts/account-fields.tsx'
import { tooManyAttemptsReply } from '~/accounts/attempt-limit.server.ts'
import { PROVINCES, SignupSchema } from '~/accounts/schemas.ts'
import { EmailTakenError, signUpWithCoop } from '~/accounts/signup.server.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Field, FormError } from '~/components/forms.tsx'
import { requireAnonymous, startSession } from '~/utils/auth.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAnonymous(request)
	return null
}

export async function action({ request, context }: ActionFunctionArgs) {
	await requireAnonymous(request)
	if (context.tooManyAttempts) return tooManyAttemptsReply()
	const submission = parseWithZod(await request.formData(), { schema: SignupSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		const { userId, coopId } = await signUpWithCoop(submission.value)
		const cookie = await startSession(request, userId, coopId)
		return redirectWithToast(request, '/', { kind: 'success', key: 'auth:welcome' }, { headers: { 'set-cookie': cookie } })
	} catch (error) {
		if (!(error instanceof EmailTakenError)) throw error
		return data(
			{ result: submission.reply({ fieldErrors: { email: ['signup.emailTaken'] }, hideFields: ['password'] }) },
			{ status: 400 },
		)
	}
}

export const meta: MetaFunction = () => [{ title: 'Đăng ký · Co-op Studio' }]

export default function SignupPage() {
	const { t } = useTranslation('auth')
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'signup',
		lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: SignupSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<div className="mx-auto max-w-md">
			<h1 className="mb-2 text-2xl font-bold">{t('signup.title')}</h1>
			<p className="mb-4 text-stone-600">{t('signup.intro')}</p>
			<Form method="post" {...getFormProps(form)} className="card">
				<FormError message={actionData && 'tooManyAttempts' in actionData ? t('tooManyAttempts') : null} />
				<AccountFields fields={fields} />
				<Field label={t('signup.coopName')} id={fields.coopName.id} errors={fields.coopName.errors} ns="auth">
					<input className="field-input" {...getInputProps(fields.coopName, { type: 'text' })} />
				</Field>
				<Field label={t('signup.province')} id={fields.province.id} errors={fields.province.errors} ns="auth">
					<select className="field-input" {...getSelectProps(fields.province)} defaultValue="Yên Bái">
						{PROVINCES.map((p) => (
							<option key={p} value={p}>
								{p}
							</option>
						))}
					</select>
				</Field>
				<button type="submit" className="btn-primary w-full">
					{t('signup.submit')}
				</button>
			</Form>
			<p className="mt-4 text-center text-sm">
				{t('signup.haveAccount')}{' '}
				<Link to="/login" className="font-semibold text-tea-700 underline">
					{t('login.submit')}
				</Link>
			</p>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
