import { Form, Link, useFetcher, useNavigation } from '@remix-run/react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { checkCaption } from './caption-limits.ts'
import { COPY_TONES } from './offline-copy.ts'
import { targetDestination } from '~/links/destination.ts'
import type { ProductLinks } from './post-link.ts'
import { captionChannelFor, composeText, normaliseHashtags, targetKindFor, type PostMedia } from './post-schema.ts'

// The composer, shared by /posts/new and /posts/$postId/edit: pick the video
// or photo set, the channels, write the caption once (or with AI), adjust it
// per channel with the platform's limit counted as you type, see each post on
// a phone-sized frame, then schedule, post now, or keep a draft.

export type ComposerChannel = { id: string; platform: string; name: string; state: string; directPost: boolean; manualKind: string | null }
export type ComposerCreator = { nickname: string; privacyLevelOptions: string[]; commentDisabled: boolean; duetDisabled: boolean; stitchDisabled: boolean } | null
export type ComposerProduct = ProductLinks & { id: string; code: string; name: string; publicSlug: string | null; publicPage: boolean }

export type ComposerProps = {
	choices: {
		coop: { timezone: string }
		renders: Array<{ id: string; format: string; title: string; productId: string | null; handedOff: boolean }>
		photoSets: Array<{ id: string; title: string; productId: string | null; previewUrl: string | null }>
		channels: ComposerChannel[]
		products: ComposerProduct[]
		// Where each channel's own tracked link will stand (its slug is drawn when the post is saved).
		linkPreview: string
	}
	creators: Record<string, ComposerCreator>
	initial: {
		renderId?: string | null
		photoPostId?: string | null
		productId?: string | null
		caption: string
		hashtags: string
		tone?: string | null
		channelIds: string[]
		overrides: Record<string, string>
		tiktok?: Record<string, unknown> | null
		day: string
		time: string
	}
	waitsForApproval: boolean
	problems: Array<{ key: string; values?: Record<string, string | number> }>
}

type CopyAnswer = { caption: string; hashtags: string; source: 'openai' | 'offline' }

export function Composer({ choices, creators, initial, waitsForApproval, problems }: ComposerProps) {
	const { t } = useTranslation('posts')
	const navigation = useNavigation()
	const copyFetcher = useFetcher<CopyAnswer>()
	const [media, setMedia] = useState<string>(initial.renderId ? `render:${initial.renderId}` : initial.photoPostId ? `photos:${initial.photoPostId}` : '')
	const [mediaType, mediaId] = media ? (media.split(':') as ['render' | 'photos', string]) : [null, null]
	const render = mediaType === 'render' ? choices.renders.find((r) => r.id === mediaId) : undefined
	const photoSet = mediaType === 'photos' ? choices.photoSets.find((p) => p.id === mediaId) : undefined
	const [productId, setProductId] = useState(initial.productId ?? render?.productId ?? photoSet?.productId ?? '')
	const [channelIds, setChannelIds] = useState<string[]>(initial.channelIds)
	const [caption, setCaption] = useState(initial.caption)
	const [hashtags, setHashtags] = useState(initial.hashtags)
	const [tone, setTone] = useState(initial.tone ?? 'friendly')
	const [overrides, setOverrides] = useState<Record<string, string>>(initial.overrides)
	const [activeTab, setActiveTab] = useState<string>(initial.channelIds[0] ?? '')
	const [aiNote, setAiNote] = useState<CopyAnswer['source'] | null>(null)
	const [appliedCopy, setAppliedCopy] = useState<CopyAnswer | undefined>(undefined)

	if (copyFetcher.data && copyFetcher.data !== appliedCopy) {
		setAppliedCopy(copyFetcher.data)
		setCaption(copyFetcher.data.caption)
		setHashtags(copyFetcher.data.hashtags)
		setAiNote(copyFetcher.data.source)
	}

	const postMedia: PostMedia | null = render ? { type: 'video', format: render.format } : photoSet ? { type: 'photos' } : null
	const product = choices.products.find((p) => p.id === productId) ?? null
	const chosen = choices.channels.filter(
		(channel) => channelIds.includes(channel.id) && channel.state === 'connected' && (postMedia === null || targetKindFor(channel, postMedia) !== null),
	)
	const tab = chosen.find((channel) => channel.id === activeTab) ?? chosen[0]
	const directTiktok = chosen.find((channel) => channel.platform === 'tiktok' && channel.directPost)
	const tags = normaliseHashtags(hashtags)
	const texts = useMemo(
		() =>
			Object.fromEntries(
				chosen.map((channel) => {
					const override = overrides[channel.id]?.trim()
					const text = override || composeText(caption, tags, targetDestination(product, channel.platform) ? choices.linkPreview : null)
					return [channel.id, { text, check: checkCaption(captionChannelFor(channel.platform), text) }]
				}),
			),
		[chosen, overrides, caption, tags, product, choices.linkPreview],
	)
	const busy = navigation.state !== 'idle'

	function toggleChannel(id: string, on: boolean) {
		setChannelIds((ids) => (on ? [...ids, id] : ids.filter((other) => other !== id)))
		if (on && !tab) setActiveTab(id)
	}

	function chooseMedia(value: string) {
		setMedia(value)
		const [type, id] = value.split(':')
		const linked = type === 'render' ? choices.renders.find((r) => r.id === id)?.productId : choices.photoSets.find((p) => p.id === id)?.productId
		if (linked && !productId) setProductId(linked)
	}

	function writeWithAi() {
		copyFetcher.submit(
			{ intent: 'writeCopy', tone, renderId: render?.id ?? '', productId, platform: tab?.platform ?? 'facebook_page' },
			{ method: 'post' },
		)
	}

	return (
		<Form method="post" className="space-y-5" data-testid="composer">
			<input type="hidden" name="intent" value="save" />
			<input type="hidden" name="renderId" value={render?.id ?? ''} />
			<input type="hidden" name="photoPostId" value={photoSet?.id ?? ''} />
			<input type="hidden" name="tone" value={aiNote ? tone : (initial.tone ?? '')} />
			{problems.length ? (
				<ul className="list-disc rounded-lg bg-red-50 p-3 pl-8 text-sm text-red-800" role="alert" data-testid="composer-problems">
					{problems.map((problem) => (
						<li key={`${problem.key}${JSON.stringify(problem.values ?? {})}`}>{t(problem.key, problem.values)}</li>
					))}
				</ul>
			) : null}

			<fieldset className="card space-y-2">
				<legend className="px-1 text-lg font-bold">{t('composer.media')}</legend>
				{choices.renders.length === 0 && choices.photoSets.length === 0 ? (
					<p className="text-stone-600">
						{t('composer.noMedia')}{' '}
						<Link to="/studio" className="text-tea-700 underline">
							{t('composer.toStudio')}
						</Link>
					</p>
				) : null}
				{choices.renders.map((choice) => (
					<label key={choice.id} className="flex min-h-11 items-center gap-2">
						<input type="radio" name="media" className="h-5 w-5" value={`render:${choice.id}`} checked={media === `render:${choice.id}`} onChange={(e) => chooseMedia(e.target.value)} />
						<span>
							🎬 {choice.title} <span className="text-sm text-stone-600">· {t(`formats.${choice.format}`, { defaultValue: choice.format })}</span>
						</span>
					</label>
				))}
				{choices.photoSets.map((choice) => (
					<label key={choice.id} className="flex min-h-11 items-center gap-2">
						<input type="radio" name="media" className="h-5 w-5" value={`photos:${choice.id}`} checked={media === `photos:${choice.id}`} onChange={(e) => chooseMedia(e.target.value)} />
						<span>🖼 {choice.title}</span>
					</label>
				))}
			</fieldset>

			<fieldset className="card space-y-2">
				<legend className="px-1 text-lg font-bold">{t('composer.product')}</legend>
				<select name="productId" className="field-input" value={productId} onChange={(e) => setProductId(e.target.value)} aria-label={t('composer.product')}>
					<option value="">{t('composer.noProduct')}</option>
					{choices.products.map((choice) => (
						<option key={choice.id} value={choice.id}>
							{choice.code} · {choice.name}
						</option>
					))}
				</select>
			</fieldset>

			<fieldset className="card space-y-1">
				<legend className="px-1 text-lg font-bold">{t('composer.channels')}</legend>
				{choices.channels.length === 0 ? (
					<p className="text-stone-600">
						{t('composer.noChannels')}{' '}
						<Link to="/channels" className="text-tea-700 underline">
							{t('composer.toChannels')}
						</Link>
					</p>
				) : null}
				{choices.channels.map((channel) => {
					const needsReconnect = channel.state !== 'connected'
					const unsupported = postMedia !== null && targetKindFor(channel, postMedia) === null
					return (
						<div key={channel.id} className="flex min-h-11 flex-wrap items-center gap-x-2" data-testid="channel-choice">
							<label className="flex min-h-11 items-center gap-2">
								<input
									type="checkbox"
									name="channelIds"
									value={channel.id}
									className="h-5 w-5"
									checked={channelIds.includes(channel.id) && !needsReconnect && !unsupported}
									disabled={needsReconnect || unsupported}
									onChange={(e) => toggleChannel(channel.id, e.target.checked)}
								/>
								<span>
									{t(`platforms.${channel.platform}`)} · {channel.name}
								</span>
							</label>
							{needsReconnect ? (
								<span className="text-sm text-amber-800">
									{t('composer.needsReconnect')}{' '}
									<Link to="/channels" className="underline">
										{t('composer.reconnect')}
									</Link>
								</span>
							) : unsupported ? (
								<span className="text-sm text-stone-600">{t('composer.unsupported')}</span>
							) : null}
						</div>
					)
				})}
			</fieldset>

			<fieldset className="card space-y-3">
				<legend className="px-1 text-lg font-bold">{t('composer.words')}</legend>
				<div className="flex flex-wrap items-end gap-2 rounded-lg bg-tea-50 p-2">
					<label className="block">
						<span className="field-label">{t('composer.tone')}</span>
						<select className="field-input" value={tone} onChange={(e) => setTone(e.target.value)} data-testid="tone">
							{COPY_TONES.map((choice) => (
								<option key={choice} value={choice}>
									{t(`tones.${choice}`)}
								</option>
							))}
						</select>
					</label>
					<button type="button" className="btn-secondary" onClick={writeWithAi} disabled={copyFetcher.state !== 'idle'} data-testid="write-with-ai">
						{copyFetcher.state !== 'idle' ? t('composer.writing') : t('composer.writeWithAi')}
					</button>
				</div>
				{aiNote ? (
					<p className="text-sm text-tea-900" role="status" data-testid="ai-note">
						{t(aiNote === 'openai' ? 'composer.aiWrote' : 'composer.templateWrote')}
					</p>
				) : null}
				<label className="block">
					<span className="field-label">{t('composer.caption')}</span>
					<textarea name="caption" rows={7} className="field-input" value={caption} onChange={(e) => setCaption(e.target.value)} required />
				</label>
				<label className="block">
					<span className="field-label">{t('composer.hashtags')}</span>
					<input name="hashtags" className="field-input" value={hashtags} onChange={(e) => setHashtags(e.target.value)} placeholder="#chè #ocop" />
				</label>
				{product && targetDestination(product, 'manual') ? (
					<p className="text-sm text-stone-600">{t('composer.linkAdded')}</p>
				) : null}
			</fieldset>

			{chosen.length ? (
				<fieldset className="card space-y-3">
					<legend className="px-1 text-lg font-bold">{t('composer.perChannel')}</legend>
					<div role="tablist" className="flex flex-wrap gap-1">
						{chosen.map((channel) => {
							const check = texts[channel.id]!.check
							return (
								<button
									key={channel.id}
									type="button"
									role="tab"
									aria-selected={tab?.id === channel.id}
									className={`min-h-11 rounded-lg px-3 text-sm ${tab?.id === channel.id ? 'bg-tea-700 text-white' : 'bg-stone-100'} ${check.problems.includes('tooLong') ? 'ring-2 ring-red-600' : ''}`}
									onClick={() => setActiveTab(channel.id)}
								>
									{channel.name}
								</button>
							)
						})}
					</div>
					{chosen.map((channel) => {
						const { text, check } = texts[channel.id]!
						const hidden = tab?.id !== channel.id
						return (
							<div key={channel.id} role="tabpanel" hidden={hidden} className="space-y-2 lg:grid lg:grid-cols-2 lg:gap-4">
								<div className="space-y-1">
									<label className="block">
										<span className="field-label">{t('composer.override', { channel: channel.name })}</span>
										<textarea
											name={`overrides.${channel.id}`}
											rows={6}
											className="field-input"
											value={overrides[channel.id] ?? ''}
											placeholder={t('composer.overridePlaceholder')}
											onChange={(e) => setOverrides((all) => ({ ...all, [channel.id]: e.target.value }))}
										/>
									</label>
									<p
										className={`text-sm ${check.problems.includes('tooLong') ? (check.blocking ? 'font-bold text-red-700' : 'text-amber-800') : 'text-stone-600'}`}
										data-testid={`limit-${channel.platform}`}
										aria-live="polite"
									>
										{t('composer.count', { length: check.length, max: check.maxLength })}
										{check.problems.includes('tooLong') ? ` · ${t(check.blocking ? 'composer.tooLongBlocking' : 'composer.tooLongAdvice', { over: check.over })}` : ''}
										{check.problems.includes('tooManyHashtags') ? ` · ${t('composer.tooManyHashtags', { count: check.hashtags })}` : ''}
									</p>
								</div>
								<PhonePreview channel={channel} text={text} render={render} photoSet={photoSet} />
							</div>
						)
					})}
				</fieldset>
			) : null}

			{directTiktok ? <TiktokDirectFields channel={directTiktok} creator={creators[directTiktok.id] ?? null} initial={initial.tiktok ?? null} /> : null}

			<fieldset className="card space-y-3">
				<legend className="px-1 text-lg font-bold">{t('composer.when')}</legend>
				<div className="flex flex-wrap gap-2">
					<label className="block">
						<span className="field-label">{t('composer.day')}</span>
						<input type="date" name="day" className="field-input" defaultValue={initial.day} />
					</label>
					<label className="block">
						<span className="field-label">{t('composer.time')}</span>
						<input type="time" name="time" className="field-input" defaultValue={initial.time} />
					</label>
				</div>
				<p className="text-sm text-stone-600">{t('composer.timeZone', { zone: choices.coop.timezone })}</p>
				{waitsForApproval ? <p className="rounded-lg bg-amber-50 p-2 text-sm text-amber-900">{t('composer.waitsForApproval')}</p> : null}
				<div className="grid gap-2 sm:grid-cols-3">
					<button type="submit" name="when" value="schedule" className="btn-primary" disabled={busy} data-testid="schedule">
						{t('composer.schedule')}
					</button>
					<button type="submit" name="when" value="now" className="btn-secondary" disabled={busy} data-testid="post-now">
						{t('composer.postNow')}
					</button>
					<button type="submit" name="when" value="draft" className="btn-secondary" disabled={busy} data-testid="save-draft">
						{t('composer.saveDraft')}
					</button>
				</div>
			</fieldset>
		</Form>
	)
}

function PhonePreview({
	channel,
	text,
	render,
	photoSet,
}: {
	channel: ComposerChannel
	text: string
	render?: { id: string }
	photoSet?: { previewUrl: string | null; title: string }
}) {
	const { t } = useTranslation('posts')
	return (
		<figure className="mx-auto w-full max-w-[300px]" data-testid={`preview-${channel.platform}`}>
			<figcaption className="mb-1 text-center text-sm text-stone-600">{t('composer.previewOn', { platform: t(`platforms.${channel.platform}`) })}</figcaption>
			<div className="overflow-hidden rounded-[2rem] border-8 border-stone-800 bg-white">
				<div className="flex items-center gap-2 border-b px-3 py-2 text-sm font-bold">
					<span aria-hidden className="h-7 w-7 rounded-full bg-tea-200" />
					{channel.name}
				</div>
				{channel.platform === 'tiktok' ? null : <p className="max-h-48 overflow-y-auto px-3 py-2 text-sm whitespace-pre-wrap">{text}</p>}
				<div className="aspect-[9/16] max-h-80 w-full bg-stone-900">
					{render ? (
						<video className="h-full w-full object-contain" src={`/studio/renders/${render.id}/file`} muted playsInline controls preload="metadata" />
					) : photoSet?.previewUrl ? (
						<img className="h-full w-full object-contain" src={photoSet.previewUrl} alt={photoSet.title} />
					) : null}
				</div>
				{channel.platform === 'tiktok' ? <p className="max-h-32 overflow-y-auto px-3 py-2 text-sm whitespace-pre-wrap">{text}</p> : null}
			</div>
		</figure>
	)
}

/** TikTok's required posting screen for a direct post (its content sharing guidelines). */
function TiktokDirectFields({ channel, creator, initial }: { channel: ComposerChannel; creator: ComposerCreator; initial: Record<string, unknown> | null }) {
	const { t } = useTranslation('posts')
	const [disclose, setDisclose] = useState(Boolean(initial?.discloseCommercial))
	if (!creator) {
		return (
			<p className="card text-amber-900" role="alert">
				{t('tiktok.creatorUnavailable', { channel: channel.name })}
			</p>
		)
	}
	return (
		<fieldset className="card space-y-2" data-testid="tiktok-direct">
			<legend className="px-1 text-lg font-bold">{t('tiktok.title', { nickname: creator.nickname || channel.name })}</legend>
			<label className="block">
				<span className="field-label">{t('tiktok.privacy')}</span>
				<select name="tiktok.privacy" className="field-input" defaultValue={typeof initial?.privacy === 'string' ? initial.privacy : ''} required>
					<option value="" disabled>
						{t('tiktok.choosePrivacy')}
					</option>
					{creator.privacyLevelOptions.map((level) => (
						<option key={level} value={level}>
							{t(`tiktok.levels.${level}`, { defaultValue: level })}
						</option>
					))}
				</select>
			</label>
			{(
				[
					['allowComment', creator.commentDisabled],
					['allowDuet', creator.duetDisabled],
					['allowStitch', creator.stitchDisabled],
				] as const
			).map(([name, disabled]) => (
				<label key={name} className="flex min-h-11 items-center gap-2">
					<input type="checkbox" name={`tiktok.${name}`} className="h-5 w-5" disabled={disabled} defaultChecked={!disabled && initial?.[name] === true} />
					{t(`tiktok.${name}`)}
				</label>
			))}
			<label className="flex min-h-11 items-center gap-2">
				<input type="checkbox" name="tiktok.discloseCommercial" className="h-5 w-5" checked={disclose} onChange={(e) => setDisclose(e.target.checked)} />
				{t('tiktok.discloseCommercial')}
			</label>
			{disclose ? (
				<div className="space-y-1 pl-7">
					<label className="flex min-h-11 items-center gap-2">
						<input type="checkbox" name="tiktok.yourBrand" className="h-5 w-5" defaultChecked={initial?.yourBrand === true} />
						{t('tiktok.yourBrand')}
					</label>
					<label className="flex min-h-11 items-center gap-2">
						<input type="checkbox" name="tiktok.brandedContent" className="h-5 w-5" defaultChecked={initial?.brandedContent === true} />
						{t('tiktok.brandedContent')}
					</label>
				</div>
			) : null}
			<label className="flex min-h-11 items-start gap-2">
				<input type="checkbox" name="tiktok.consent" className="mt-1 h-5 w-5" required />
				<span>{t('tiktok.consent')}</span>
			</label>
		</fieldset>
	)
}
