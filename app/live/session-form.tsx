import { useState } from 'react'
import { useTranslation } from 'react-i18next'

// The live's details as one form, used by /live/new and the run sheet: title,
// when (the co-op's time zone), and where it runs: a Facebook Page's live
// video, or another stream (TikTok or anything else) whose comments are pasted.
// Until the Page's live videos can be listed (comment capture's
// `listLiveVideos`), the live video id is typed.

export type SessionFormValues = {
	title: string
	day: string
	time: string
	platform: string
	channelId: string | null
	liveVideoId: string | null
	replayUrl?: string | null
}

export function SessionFields({ values, pages, liveVideos = [], errors, withReplay = false }: { values: SessionFormValues; pages: Array<{ id: string; name: string }>; liveVideos?: Array<{ id: string; title: string; status: string }>; errors?: Record<string, string[] | undefined>; withReplay?: boolean }) {
	const { t } = useTranslation('live')
	const [platform, setPlatform] = useState(values.platform === 'facebook' ? 'facebook' : 'other')
	const error = (name: string) => (errors?.[name]?.length ? <p className="field-error">{t('form.invalid')}</p> : null)
	return (
		<div className="space-y-3">
			<div>
				<label htmlFor="live-title" className="field-label">{t('form.title')}</label>
				<input id="live-title" name="title" required maxLength={120} defaultValue={values.title} className="field-input w-full" />
				{error('title')}
			</div>
			<div className="flex flex-wrap gap-3">
				<div>
					<label htmlFor="live-day" className="field-label">{t('form.day')}</label>
					<input id="live-day" name="day" type="date" defaultValue={values.day} className="field-input" />
				</div>
				<div>
					<label htmlFor="live-time" className="field-label">{t('form.time')}</label>
					<input id="live-time" name="time" type="time" defaultValue={values.time} className="field-input" />
				</div>
			</div>
			<fieldset className="space-y-2">
				<legend className="field-label">{t('form.where')}</legend>
				<label className="flex min-h-11 items-center gap-2">
					<input type="radio" name="platform" value="facebook" checked={platform === 'facebook'} onChange={() => setPlatform('facebook')} />
					{t('platform.facebook')}
				</label>
				<label className="flex min-h-11 items-center gap-2">
					<input type="radio" name="platform" value="other" checked={platform === 'other'} onChange={() => setPlatform('other')} />
					{t('platform.other')}
				</label>
			</fieldset>
			{platform === 'facebook' ? (
				<div className="space-y-3 rounded-lg border border-stone-200 p-2">
					{pages.length === 0 ? <p className="text-sm text-stone-600">{t('form.noPages')}</p> : null}
					<div>
						<label htmlFor="live-page" className="field-label">{t('form.page')}</label>
						<select id="live-page" name="channelId" defaultValue={values.channelId ?? ''} className="field-input w-full">
							<option value="">{t('form.choosePage')}</option>
							{pages.map((page) => (
								<option key={page.id} value={page.id}>{page.name}</option>
							))}
						</select>
					</div>
					<div>
						<label htmlFor="live-video" className="field-label">{t('form.liveVideoId')}</label>
						<input id="live-video" name="liveVideoId" inputMode="numeric" list={liveVideos.length > 0 ? 'live-videos' : undefined} defaultValue={values.liveVideoId ?? ''} className="field-input w-full" />
						{liveVideos.length > 0 ? (
							<datalist id="live-videos" data-testid="live-videos">
								{liveVideos.map((video) => (
									<option key={video.id} value={video.id}>{`${video.title || video.id} · ${video.status}`}</option>
								))}
							</datalist>
						) : null}
						<p className="text-sm text-stone-600">{t('form.liveVideoHint')}</p>
						{error('liveVideoId')}
					</div>
				</div>
			) : (
				<p className="text-sm text-stone-600">{t('form.otherHint')}</p>
			)}
			{withReplay ? (
				<div>
					<label htmlFor="live-replay" className="field-label">{t('form.replayUrl')}</label>
					<input id="live-replay" name="replayUrl" type="url" defaultValue={values.replayUrl ?? ''} className="field-input w-full" />
					{error('replayUrl')}
				</div>
			) : null}
		</div>
	)
}

/** The form's fields as the schemas read them: empty strings are "not given". */
export function formFields(form: FormData, names: string[]): Record<string, string | undefined> {
	const out: Record<string, string | undefined> = {}
	for (const name of names) {
		const value = form.get(name)
		out[name] = typeof value === 'string' && value.trim() !== '' ? value : undefined
	}
	return out
}
