import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { can } from '~/accounts/permissions.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { AttributionSettingsError, loadResults, saveAttributionSettings } from '~/results/dashboard.server.ts'
import { ResultsPage } from '~/results/dashboard-view.tsx'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { getT } from '~/utils/language.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'

// "Video nào mang lại đơn hàng?" (issue 12; docs/decisions/191-results-dashboard.md).

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId, role } = await requireCoopPermission(request, 'read:insight')
	const [data, { t }] = await Promise.all([loadResults(coopId, new URL(request.url)), getT(request)])
	return { ...data, canSave: can(role, 'update:coop'), title: t('results:title') }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Kết quả'} · Co-op Studio` }]

const Settings = z.object({ model: z.enum(['last', 'first']), windowDays: z.coerce.number().int().min(1).max(90) })

export async function action({ request }: ActionFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'update:coop')
	const url = new URL(request.url)
	const back = `/results${url.search}`
	const formData = await request.formData()
	const failed = () => redirectWithToast(request, back, { kind: 'error', key: 'results:errors.settings' })
	return dispatchIntent(formData, {
		'save-settings': async () => {
			const parsed = Settings.safeParse(Object.fromEntries(formData))
			if (!parsed.success) return failed()
			try {
				await saveAttributionSettings(coopId, parsed.data)
			} catch (error) {
				if (error instanceof AttributionSettingsError) return failed()
				throw error
			}
			return redirectWithToast(request, back, { kind: 'success', key: 'results:toast.saved' })
		},
	})
}

export default function Results() {
	const data = useLoaderData<typeof loader>()
	return <ResultsPage data={data} />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
