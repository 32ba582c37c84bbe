import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { zaloHref } from '~/accounts/coop-contact.ts'
import { timeZoneChoices } from '~/utils/coop-time.ts'
import { getCoopProfile, isLogoChoice, listLogoChoices, updateCoopProfile } from '~/accounts/coop-profile.server.ts'
import { CoopProfileSchema } from '~/accounts/coop-schemas.ts'
import { can } from '~/accounts/permissions.ts'
import { PROVINCES } from '~/accounts/schemas.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorLine, Field } from '~/components/forms.tsx'
import type { loader as rootLoader } from '~/root.tsx'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { redirectWithToast } from '~/utils/responses.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId, role } = await requireCoopPermission(request, 'read:coop')
	const profile = await getCoopProfile(coopId)
	if (!can(role, 'update:coop')) return { profile, editor: null }
	const provinces: string[] = [...PROVINCES]
	if (!provinces.includes(profile.province)) provinces.unshift(profile.province)
	return {
		profile,
		editor: {
			provinces,
			timeZones: timeZoneChoices(profile.timezone),
			logoChoices: await listLogoChoices(coopId, profile.logoMediaId),
		},
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'update:coop')
	const submission = parseWithZod(await request.formData(), { schema: CoopProfileSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const { logoMediaId, ...profile } = submission.value
	if (logoMediaId && !(await isLogoChoice(coopId, logoMediaId))) {
		return data({ result: submission.reply({ fieldErrors: { logoMediaId: ['errors.logoInvalid'] } }) }, { status: 400 })
	}
	await updateCoopProfile(coopId, { ...profile, logoMediaId: logoMediaId ?? null })
	return redirectWithToast(request, '/coop', { kind: 'success', key: 'coop:profile.saved' })
}

export default function CoopProfilePage() {
	const { profile, editor } = useLoaderData<typeof loader>()
	return (
		<>
			{editor ? (
				// A saved profile comes back normalised (0912345678); a new key shows those stored values.
				<ProfileForm key={profile.updatedAt.getTime()} profile={profile} editor={editor} />
			) : (
				<ProfileView profile={profile} />
			)}
			<YourCoops />
		</>
	)
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type Profile = LoaderData['profile']

function ProfileForm({ profile, editor }: { profile: Profile; editor: NonNullable<LoaderData['editor']> }) {
	const { t } = useTranslation('coop')
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'coop-profile',
		lastResult: actionData?.result,
		defaultValue: {
			name: profile.name,
			province: profile.province,
			timezone: profile.timezone,
			phone: profile.phone ?? undefined,
			zalo: profile.zalo ?? undefined,
			logoMediaId: profile.logoMediaId ?? '',
			bankBin: profile.bankBin ?? undefined,
			bankAccount: profile.bankAccount ?? undefined,
			bankAccountName: profile.bankAccountName ?? undefined,
		},
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CoopProfileSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<Form method="post" {...getFormProps(form)} className="card" data-testid="coop-profile-form">
			<Field label={t('profile.name')} id={fields.name.id} errors={fields.name.errors} ns="coop">
				<input className="field-input" {...getInputProps(fields.name, { type: 'text' })} />
			</Field>
			<Field label={t('profile.province')} id={fields.province.id} errors={fields.province.errors} ns="coop">
				<select className="field-input" {...getSelectProps(fields.province)}>
					{editor.provinces.map((p) => (
						<option key={p} value={p}>
							{p}
						</option>
					))}
				</select>
			</Field>
			<Field
				label={t('profile.timezone')}
				id={fields.timezone.id}
				errors={fields.timezone.errors}
				ns="coop"
				hint={t('profile.timezoneHint')}
			>
				<select className="field-input" {...getSelectProps(fields.timezone)}>
					{editor.timeZones.map((zone) => (
						<option key={zone} value={zone}>
							{zone}
						</option>
					))}
				</select>
			</Field>
			<Field label={t('profile.phone')} id={fields.phone.id} errors={fields.phone.errors} ns="coop" hint={t('profile.phoneHint')}>
				<input className="field-input" {...getInputProps(fields.phone, { type: 'tel' })} autoComplete="tel" />
			</Field>
			<Field label={t('profile.zalo')} id={fields.zalo.id} errors={fields.zalo.errors} ns="coop" hint={t('profile.zaloHint')}>
				<input className="field-input" {...getInputProps(fields.zalo, { type: 'text' })} inputMode="url" />
			</Field>
			<fieldset className="mb-4" data-testid="coop-bank">
				<legend className="field-label">{t('profile.bank')}</legend>
				<p className="mb-2 text-sm text-stone-500">{t('profile.bankHint')}</p>
				<Field label={t('profile.bankBin')} id={fields.bankBin.id} errors={fields.bankBin.errors} ns="coop" hint={t('profile.bankBinHint')}>
					<input className="field-input" {...getInputProps(fields.bankBin, { type: 'text' })} inputMode="numeric" />
				</Field>
				<Field label={t('profile.bankAccount')} id={fields.bankAccount.id} errors={fields.bankAccount.errors} ns="coop">
					<input className="field-input" {...getInputProps(fields.bankAccount, { type: 'text' })} inputMode="numeric" />
				</Field>
				<Field label={t('profile.bankAccountName')} id={fields.bankAccountName.id} errors={fields.bankAccountName.errors} ns="coop">
					<input className="field-input" {...getInputProps(fields.bankAccountName, { type: 'text' })} />
				</Field>
			</fieldset>
			<LogoPicker
				name={fields.logoMediaId.name}
				errorId={fields.logoMediaId.errorId}
				errors={fields.logoMediaId.errors}
				current={profile.logoMediaId}
				choices={editor.logoChoices}
			/>
			<button type="submit" className="btn-primary w-full sm:w-auto">
				{t('profile.save')}
			</button>
		</Form>
	)
}

function LogoPicker({
	name,
	errorId,
	errors,
	current,
	choices,
}: {
	name: string
	errorId: string
	errors?: string[]
	current: string | null
	choices: { id: string; displayName: string }[]
}) {
	const { t } = useTranslation('coop')
	return (
		<fieldset className="mb-4" aria-describedby={errors?.length ? errorId : undefined}>
			<legend className="field-label">{t('profile.logo')}</legend>
			<p className="mb-2 text-sm text-stone-500">{choices.length ? t('profile.logoHint') : t('profile.noPhotos')}</p>
			<div className="grid grid-cols-3 gap-2 sm:grid-cols-5">
				<label className="flex aspect-square cursor-pointer items-center justify-center rounded-lg border-2 border-stone-200 p-2 text-center text-sm has-[:checked]:border-tea-600 has-[:checked]:bg-tea-50">
					<input type="radio" name={name} value="" defaultChecked={!current} className="sr-only" />
					{t('profile.noLogo')}
				</label>
				{choices.map((photo) => (
					<label
						key={photo.id}
						className="relative aspect-square cursor-pointer overflow-hidden rounded-lg border-2 border-stone-200 has-[:checked]:border-tea-600 has-[:checked]:ring-2 has-[:checked]:ring-tea-500"
					>
						<input type="radio" name={name} value={photo.id} defaultChecked={photo.id === current} className="sr-only" />
						<img src={`/library/${photo.id}/thumb`} alt={photo.displayName} loading="lazy" className="h-full w-full object-cover" />
					</label>
				))}
			</div>
			<Link to="/library" className="mt-2 inline-block text-sm font-semibold text-tea-700 underline">
				{t('profile.uploadLink')}
			</Link>
			<ErrorLine id={errorId} message={errors?.length ? errors.map((e) => t(e)).join(' ') : null} />
		</fieldset>
	)
}

function ProfileView({ profile }: { profile: Profile }) {
	const { t } = useTranslation('coop')
	const notSet = <span className="text-stone-400">{t('profile.notSet')}</span>
	const rows: [string, React.ReactNode][] = [
		[t('profile.name'), profile.name],
		[t('profile.province'), profile.province],
		[t('profile.timezone'), profile.timezone],
		[t('profile.phone'), profile.phone ? <a href={`tel:${profile.phone}`} className="underline">{profile.phone}</a> : notSet],
		[
			t('profile.zalo'),
			profile.zalo ? (
				<a href={zaloHref(profile.zalo)} className="underline" rel="noreferrer" target="_blank">
					{profile.zalo}
				</a>
			) : (
				notSet
			),
		],
	]
	return (
		<section className="card" data-testid="coop-profile-view">
			<p className="mb-4 rounded-lg bg-stone-100 p-3 text-sm text-stone-700">{t('profile.readOnly')}</p>
			{profile.logoMediaId ? (
				<img src={`/library/${profile.logoMediaId}/thumb`} alt={t('profile.logo')} className="mb-4 h-24 w-24 rounded-lg object-cover" />
			) : null}
			<dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
				{rows.map(([label, value]) => (
					<div key={label} className="contents">
						<dt className="text-sm font-medium text-stone-500">{label}</dt>
						<dd className="mb-2 break-words sm:mb-0">{value}</dd>
					</div>
				))}
			</dl>
		</section>
	)
}

/** The person's other co-ops, to switch to, and a way to start one more. */
function YourCoops() {
	const { t } = useTranslation('coop')
	const shell = useRouteLoaderData<typeof rootLoader>('root')?.shell
	if (!shell) return null
	return (
		<section className="card mt-6" data-testid="your-coops">
			<h2 className="mb-3 text-lg font-semibold">{t('yourCoops.title')}</h2>
			<ul className="divide-y divide-stone-100">
				{shell.coops.map((coop) => (
					<li key={coop.id} className="flex items-center justify-between gap-3 py-2">
						<span className="min-w-0 break-words">{coop.name}</span>
						{coop.id === shell.coop?.id ? (
							<span className="shrink-0 rounded-full bg-tea-100 px-3 py-1 text-xs font-semibold text-tea-700">
								{t('yourCoops.current')}
							</span>
						) : (
							<Form method="post" action="/coops/switch" className="shrink-0">
								<input type="hidden" name="coopId" value={coop.id} />
								<input type="hidden" name="redirectTo" value="/coop" />
								<button type="submit" className="btn-secondary">
									{t('yourCoops.switch')}
								</button>
							</Form>
						)}
					</li>
				))}
			</ul>
			<Link to="/coops/new" className="mt-3 inline-block text-sm font-semibold text-tea-700 underline">
				{t('yourCoops.createAnother')}
			</Link>
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary back="coop" />
}
