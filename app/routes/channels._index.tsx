import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { getCoopSummary } from '~/accounts/coop-profile.server.ts'
import { can } from '~/accounts/permissions.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Field } from '~/components/forms.tsx'
import { ChannelBadge } from '~/publishing/channel-badge.tsx'
import { MANUAL_KINDS, OAUTH_PLATFORMS, RECONNECT_REASONS, type OAuthPlatform } from '~/publishing/channel-kinds.ts'
import { addManual, channelsOfCoop, removeChannel } from '~/publishing/channel-pages.server.ts'
import { ManualChannelSchema } from '~/publishing/channels.server.ts'
import { connectablePlatforms } from '~/publishing/oauth.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { formatDateTime } from '~/utils/coop-time.ts'
import { dispatchIntent } from '~/utils/intent.server.ts'
import { getT } from '~/utils/language.server.ts'
import { invariantResponse, redirectWithToast } from '~/utils/responses.server.ts'

const CONNECT_ERRORS = ['notConfigured', 'stateUnknown', 'stateExpired', 'otherPerson', 'denied', 'platformRefused', 'platformDown', 'noPages'] as const
const OAUTH_OF = Object.fromEntries(Object.entries(OAUTH_PLATFORMS).map(([oauth, platform]) => [platform, oauth])) as Record<string, OAuthPlatform>

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId, role } = await requireCoopPermission(request, 'read:post')
	const [channels, coop, { t, lng }] = await Promise.all([channelsOfCoop(coopId), getCoopSummary(coopId), getT(request)])
	const error = new URL(request.url).searchParams.get('error')
	const { platforms, missingEncryptionKey } = connectablePlatforms()
	return {
		canManage: can(role, 'manage:channel'),
		connectable: platforms,
		missingEncryptionKey,
		connectError: (CONNECT_ERRORS as readonly string[]).includes(error ?? '') ? error : null,
		channels: channels.map((channel) => ({
			id: channel.id,
			platform: channel.platform,
			manualKind: channel.manualKind,
			name: channel.name,
			state: channel.state,
			reason: channel.stateReason && (RECONNECT_REASONS as readonly string[]).includes(channel.stateReason) ? channel.stateReason : 'unknown',
			expires: channel.accessExpiresAt ? formatDateTime(channel.accessExpiresAt, lng, coop.timezone) : null,
			directPost: channel.directPost,
			address: channel.address,
			reconnectVia: OAUTH_OF[channel.platform] ?? null,
		})),
		title: t('channels:title'),
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const who = await requireCoopPermission(request, 'manage:channel')
	const formData = await request.formData()
	return dispatchIntent(formData, {
		addManual: async () => {
			const submission = parseWithZod(formData, { schema: ManualChannelSchema })
			if (submission.status !== 'success') return data({ errors: submission.error ?? {} }, { status: 400 })
			const channel = await addManual(who, submission.value)
			return redirectWithToast(request, '/channels', { kind: 'success', key: 'channels:manual.added', values: { name: channel.name } })
		},
		archive: async () => {
			const { channelId, name } = z.object({ channelId: z.string().min(1), name: z.string().default('') }).parse(Object.fromEntries(formData))
			invariantResponse(await removeChannel(who.coopId, channelId), 'Channel not found')
			return redirectWithToast(request, '/channels', { kind: 'success', key: 'channels:removed', values: { name } })
		},
	})
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Co-op Studio` }]

export default function ChannelsPage() {
	const { canManage, connectable, missingEncryptionKey, connectError, channels } = useLoaderData<typeof loader>()
	const { t } = useTranslation('channels')
	return (
		<div className="space-y-6">
			<div>
				<h1 className="mb-1 text-2xl font-bold">{t('title')}</h1>
				<p className="text-stone-600">{t('intro')}</p>
			</div>
			{connectError ? (
				<p className="rounded-lg bg-red-50 p-3 text-sm text-red-800" role="alert" data-testid="connect-error">
					{t(`connectErrors.${connectError}`)}
				</p>
			) : null}
			{canManage ? null : <p className="rounded-lg bg-stone-100 p-3 text-sm">{t('readOnly')}</p>}

			<ul className="space-y-3" data-testid="channels">
				{channels.length === 0 ? <li className="text-stone-600">{t(canManage ? 'empty' : 'emptyViewer')}</li> : null}
				{channels.map((channel) => (
					<ChannelCard key={channel.id} channel={channel} canManage={canManage} />
				))}
			</ul>

			{canManage ? (
				<section className="card" aria-labelledby="connect-title">
					<h2 id="connect-title" className="mb-2 text-lg font-semibold">
						{t('connect.title')}
					</h2>
					{missingEncryptionKey ? <p className="mb-3 text-sm text-amber-800">{t('connect.missingKey')}</p> : null}
					{connectable.length === 0 && !missingEncryptionKey ? (
						<p className="mb-3 text-sm" data-testid="no-apps">
							{t('connect.noneConfigured')}
						</p>
					) : null}
					<div className="flex flex-wrap gap-2">
						{connectable.map((platform) => (
							<a key={platform} href={`/channels/connect/${platform}`} className="btn-primary" data-testid={`connect-${platform}`}>
								{t(`connect.${platform}`)}
							</a>
						))}
					</div>
					<p className="mt-3 text-sm text-stone-600">{t('connect.facebookNote')}</p>
				</section>
			) : null}

			{canManage ? <ManualChannelForm /> : null}
		</div>
	)
}

type CardChannel = ReturnType<typeof useLoaderData<typeof loader>>['channels'][number]

function ChannelCard({ channel, canManage }: { channel: CardChannel; canManage: boolean }) {
	const { t } = useTranslation('channels')
	const platformName = t(`platform.${channel.platform}`)
	const needsReconnect = channel.state === 'needs_reconnect'
	const kind = channel.manualKind ? t(`manualKind.${channel.manualKind}`) : platformName
	return (
		<li className="card" data-testid="channel" data-channel-name={channel.name}>
			<div className="flex items-start gap-3">
				<ChannelBadge platform={channel.platform} label={platformName} />
				<div className="min-w-0 flex-1">
					<p className="font-semibold break-words">{channel.name}</p>
					<p className="text-sm text-stone-600">{kind}</p>
					<p className="mt-1 text-sm">
						<span
							className={`rounded-full px-2 py-0.5 text-xs font-medium ${needsReconnect ? 'bg-red-100 text-red-800' : 'bg-emerald-100 text-emerald-800'}`}
							data-testid="channel-state"
						>
							{t(channel.platform === 'manual' ? 'state.manual' : `state.${channel.state}`)}
						</span>
					</p>
					{needsReconnect ? (
						<p className="mt-2 text-sm text-red-800" data-testid="channel-reason">
							{t(`reasons.${channel.reason}`, { platform: platformName })}
						</p>
					) : null}
					{channel.platform !== 'manual' && !needsReconnect ? (
						<p className="mt-1 text-sm text-stone-500">{channel.expires ? t('expires', { date: channel.expires }) : t('noExpiry')}</p>
					) : null}
					{channel.platform === 'tiktok' ? <p className="mt-1 text-sm text-stone-500">{t(channel.directPost ? 'tiktokDirect' : 'tiktokInbox')}</p> : null}
					{channel.address ? (
						<a href={channel.address} className="mt-1 inline-block text-sm break-all text-tea-700 underline" target="_blank" rel="noreferrer">
							{t('openAddress')}
						</a>
					) : null}
				</div>
			</div>
			{canManage ? (
				<div className="mt-3 flex flex-wrap gap-2">
					{needsReconnect && channel.reconnectVia ? (
						<a href={`/channels/connect/${channel.reconnectVia}`} className="btn-primary" data-testid="reconnect">
							{t('reconnect')}
						</a>
					) : null}
					<Form method="post">
						<input type="hidden" name="intent" value="archive" />
						<input type="hidden" name="channelId" value={channel.id} />
						<input type="hidden" name="name" value={channel.name} />
						<button type="submit" className="btn-secondary" title={t('removeHint')}>
							{t('remove')}
						</button>
					</Form>
				</div>
			) : null}
		</li>
	)
}

function ManualChannelForm() {
	const { t } = useTranslation('channels')
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const errors = actionData && 'errors' in actionData ? (actionData.errors as Record<string, string[] | null>) : {}
	return (
		<section className="card" aria-labelledby="manual-title">
			<h2 id="manual-title" className="mb-1 text-lg font-semibold">
				{t('manual.title')}
			</h2>
			<p className="mb-4 text-sm text-stone-600">{t('manual.intro')}</p>
			<Form method="post" noValidate data-testid="manual-form">
				<input type="hidden" name="intent" value="addManual" />
				<Field label={t('manual.kind')} id="manual-kind" ns="channels" errors={errors.manualKind ?? undefined}>
					<select id="manual-kind" name="manualKind" className="field-input" defaultValue="zalo_group" aria-describedby="manual-kind-error">
						{MANUAL_KINDS.map((kind) => (
							<option key={kind} value={kind}>
								{t(`manualKind.${kind}`)}
							</option>
						))}
					</select>
				</Field>
				<Field label={t('manual.name')} id="manual-name" ns="channels" errors={errors.name ?? undefined}>
					<input id="manual-name" name="name" className="field-input" required maxLength={120} placeholder={t('manual.namePlaceholder')} aria-describedby="manual-name-error" />
				</Field>
				<Field label={t('manual.address')} id="manual-address" ns="channels" errors={errors.address ?? undefined} hint={t('manual.addressHint')}>
					<input id="manual-address" name="address" type="url" inputMode="url" className="field-input" placeholder="https://" aria-describedby="manual-address-error" />
				</Field>
				<button type="submit" className="btn-primary w-full sm:w-auto" disabled={navigation.state === 'submitting'}>
					{t('manual.submit')}
				</button>
			</Form>
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
