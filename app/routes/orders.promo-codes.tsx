import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useCan } from '~/accounts/use-can.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorLine } from '~/components/forms.tsx'
import { createPromoCode, listPromoCodes, promoCodeChoices, PromoCodeError, type PromoTarget } from '~/orders/promo-codes.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { getT } from '~/utils/language.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:order')
	const [codes, choices, { t }] = await Promise.all([listPromoCodes(coopId), promoCodeChoices(coopId), getT(request)])
	return { codes, choices, pageTitle: t('orders:promo.title') }
}

function readTarget(value: FormDataEntryValue | null): PromoTarget | null {
	const match = typeof value === 'string' ? /^(post|target|render|live):([\w-]{1,64})$/.exec(value) : null
	return match ? { kind: match[1] as PromoTarget['kind'], id: match[2] } : null
}

export async function action({ request }: ActionFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'update:order')
	const form = await request.formData()
	return dispatchIntent(form, {
		create: async () => {
			const code = String(form.get('code') ?? '')
			const target = readTarget(form.get('for'))
			if (!target) return data({ field: 'for', problem: 'unknown-target' as const }, { status: 400 })
			try {
				const created = await createPromoCode(coopId, { code, target, note: String(form.get('note') ?? '') })
				return redirectWithToast(request, '/orders/promo-codes', { kind: 'success', key: 'orders:toast.promoCreated', values: { code: created.code } })
			} catch (error) {
				if (!(error instanceof PromoCodeError)) throw error
				return data({ field: error.problem === 'unknown-target' ? 'for' : 'code', problem: error.problem }, { status: 400 })
			}
		},
	})
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ''} · Co-op Studio` }]

export default function PromoCodesPage() {
	const { codes, choices } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('orders')
	const may = useCan()
	const error = (field: string) => (actionData?.field === field ? t(`promo.errors.${actionData.problem}`) : null)
	return (
		<div className="mx-auto max-w-2xl space-y-4">
			<Link to="/orders" className="text-sm text-tea-700 underline">
				{t('detail.back')}
			</Link>
			<h1 className="text-2xl font-bold">{t('promo.title')}</h1>
			<p className="text-stone-600">{t('promo.intro')}</p>
			{may('update:order') ? (
				choices.length === 0 ? (
					<p className="card">{t('promo.noTargets')}</p>
				) : (
					<Form method="post" className="card grid gap-2" noValidate>
						<input type="hidden" name="intent" value="create" />
						<label>
							<span className="field-label">{t('promo.code')}</span>
							<input name="code" className="field-input font-mono uppercase" autoComplete="off" aria-describedby="promo-code-hint" aria-invalid={error('code') ? true : undefined} />
							<span id="promo-code-hint" className="text-sm text-stone-500">
								{t('promo.codeHint')}
							</span>
						</label>
						<ErrorLine message={error('code')} />
						<label>
							<span className="field-label">{t('promo.for')}</span>
							<select name="for" defaultValue="" className="field-input">
								<option value="">{t('promo.none')}</option>
								{choices.map((choice) => (
									<option key={choice.value} value={choice.value}>
										{choice.kind === 'live' ? t('promo.forLive', { title: choice.label }) : t('promo.forPost', { caption: choice.label })}
									</option>
								))}
							</select>
						</label>
						<ErrorLine message={error('for')} />
						<label>
							<span className="field-label">{t('promo.note')}</span>
							<input name="note" className="field-input" />
						</label>
						<button type="submit" className="btn-primary justify-self-start">
							{t('promo.create')}
						</button>
					</Form>
				)
			) : null}
			{codes.length === 0 ? (
				<p className="card text-stone-700">{t('promo.empty')}</p>
			) : (
				<ul className="grid gap-2" data-testid="promo-codes">
					{codes.map((code) => (
						<li key={code.id} className="card flex flex-wrap items-center gap-2">
							<span className="font-mono font-bold">{code.code}</span>
							<span className="min-w-0 flex-1 truncate text-sm text-stone-600">
								{code.forLive !== null ? t('promo.forLive', { title: code.forLive }) : code.forPost !== null ? t('promo.forPost', { caption: code.forPost }) : t('promo.forRender')}
								{code.note ? ` · ${code.note}` : ''}
							</span>
							<span className="text-sm font-semibold" data-testid="promo-orders">
								{t('promo.orders', { count: code.orders })}
							</span>
						</li>
					))}
				</ul>
			)}
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
