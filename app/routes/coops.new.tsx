import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { hasAnyMembership } from '~/accounts/members.server.ts'
import { NewCoopSchema, PROVINCES } from '~/accounts/schemas.ts'
import { createCoopForUser } from '~/accounts/signup.server.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Field } from '~/components/forms.tsx'
import { requireSession, switchActiveCoop } from '~/utils/auth.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const session = await requireSession(request)
	return { hasCoop: await hasAnyMembership(session.userId) }
}

export async function action({ request }: ActionFunctionArgs) {
	const session = await requireSession(request)
	const submission = parseWithZod(await request.formData(), { schema: NewCoopSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const coop = await createCoopForUser(session.userId, submission.value)
	await switchActiveCoop({ sessionId: session.id, userId: session.userId, coopId: coop.id })
	return redirectWithToast(request, '/', { kind: 'success', key: 'auth:newCoop.created', values: { coop: coop.name } })
}

export const meta: MetaFunction = () => [{ title: 'Co-op Studio' }]

export default function NewCoopPage() {
	const { t } = useTranslation('auth')
	const { hasCoop } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'new-coop',
		lastResult: actionData?.result,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: NewCoopSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<div className="mx-auto max-w-md">
			<h1 className="mb-2 text-2xl font-bold">{t('newCoop.title')}</h1>
			<p className="mb-4 text-stone-600">{hasCoop ? t('newCoop.another') : t('newCoop.intro')}</p>
			<Form method="post" {...getFormProps(form)} className="card">
				<Field label={t('signup.coopName')} id={fields.coopName.id} errors={fields.coopName.errors} ns="auth">
					<input className="field-input" {...getInputProps(fields.coopName, { type: 'text' })} />
				</Field>
				<Field label={t('signup.province')} id={fields.province.id} errors={fields.province.errors} ns="auth">
					<select className="field-input" {...getSelectProps(fields.province)} defaultValue={PROVINCES[0]}>
						{PROVINCES.map((p) => (
							<option key={p} value={p}>
								{p}
							</option>
						))}
					</select>
				</Field>
				<button type="submit" className="btn-primary w-full">
					{t('newCoop.submit')}
				</button>
			</Form>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
