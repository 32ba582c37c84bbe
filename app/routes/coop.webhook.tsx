import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { rotateWebhookSecret, webhookSettings } from '~/orders/order-webhook.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { getT } from '~/utils/language.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'manage:webhook')
	const [settings, { t }] = await Promise.all([webhookSettings(coopId), getT(request)])
	return { ...settings, origin: new URL(request.url).origin, pageTitle: t('orders:webhook.title') }
}

export async function action({ request }: ActionFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'manage:webhook')
	const form = await request.formData()
	// The secret goes back in this one answer and is never shown again.
	return dispatchIntent(form, { rotate: () => rotateWebhookSecret(coopId) })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ''} · Co-op Studio` }]

export default function WebhookSettingsPage() {
	const { webhookId, origin } = useLoaderData<typeof loader>()
	const made = useActionData<typeof action>()
	const { t } = useTranslation('orders')
	const id = made?.webhookId ?? webhookId
	return (
		<section className="space-y-3">
			<h2 className="text-xl font-semibold">{t('webhook.title')}</h2>
			<p className="text-stone-600">{t('webhook.intro')}</p>
			{id ? (
				<div>
					<p className="field-label">{t('webhook.address')}</p>
					<code className="block rounded bg-stone-100 p-2 text-sm break-all" data-testid="webhook-address">
						{`${origin}/api/orders/webhook/${id}`}
					</code>
				</div>
			) : (
				<p>{t('webhook.none')}</p>
			)}
			{made ? (
				<div className="rounded-lg border border-amber-300 bg-amber-50 p-3">
					<p className="font-semibold">{t('webhook.secretOnce')}</p>
					<code className="block text-sm break-all select-all" data-testid="webhook-secret">
						{made.secret}
					</code>
				</div>
			) : null}
			<Form method="post">
				<input type="hidden" name="intent" value="rotate" />
				<button type="submit" className="btn-secondary">
					{id ? t('webhook.rotate') : t('webhook.generate')}
				</button>
				{id ? <p className="mt-1 text-sm text-stone-500">{t('webhook.rotateWarning')}</p> : null}
			</Form>
			<p className="text-sm text-stone-500">{t('webhook.docs')}</p>
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
