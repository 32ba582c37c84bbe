import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

async function copyText(text: string) {
	if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text)
	// Older phone browsers, and pages not served over https, have no clipboard API.
	const area = document.createElement('textarea')
	area.value = text
	area.setAttribute('readonly', '')
	area.style.position = 'fixed'
	area.style.opacity = '0'
	document.body.append(area)
	area.select()
	const copied = document.execCommand('copy')
	area.remove()
	if (!copied) throw new Error('copy refused')
}

/** Copies `text`, then says so (or says how to copy by hand) for a few seconds. */
export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
	const { t } = useTranslation('coop')
	const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
	useEffect(() => {
		if (state === 'idle') return
		const timer = setTimeout(() => setState('idle'), 4000)
		return () => clearTimeout(timer)
	}, [state])
	return (
		<button
			type="button"
			className="btn-secondary"
			data-testid={testId}
			onClick={() => copyText(text).then(() => setState('copied'), () => setState('failed'))}
		>
			{state === 'copied' ? t('invites.copied') : state === 'failed' ? t('invites.copyFailed') : label}
		</button>
	)
}

/**
 * The phone's own share sheet (Zalo, Messenger, SMS...) where the browser has
 * one; nothing at all elsewhere, the copy buttons then do the job.
 */
export function ShareButton({ text, label }: { text: string; label: string }) {
	const [canShare, setCanShare] = useState(false)
	useEffect(() => setCanShare(typeof navigator.share === 'function'), [])
	if (!canShare) return null
	return (
		<button type="button" className="btn-primary" onClick={() => navigator.share({ text }).catch(() => undefined)}>
			{label}
		</button>
	)
}

/**
 * A link shown only once (an invite, a password reset) and a ready message
 * around it, each with its copy button, and the phone's share sheet. `id`
 * names the fields: `<id>-link` (also its test id) and `<id>-message`.
 */
export function LinkToSend({ id, label, link, message }: { id: string; label: string; link: string; message: string }) {
	const { t } = useTranslation('coop')
	return (
		<>
			<label className="field-label" htmlFor={`${id}-link`}>
				{label}
			</label>
			<input
				id={`${id}-link`}
				className="field-input mb-2 font-mono text-sm"
				readOnly
				value={link}
				onFocus={(event) => event.currentTarget.select()}
				data-testid={`${id}-link`}
			/>
			<div className="mb-4 flex flex-wrap gap-2">
				<CopyButton text={link} label={t('invites.copyLink')} testId={`copy-${id}-link`} />
			</div>
			<label className="field-label" htmlFor={`${id}-message`}>
				{t('invites.message')}
			</label>
			<textarea id={`${id}-message`} className="field-input mb-2 text-sm" rows={5} readOnly value={message} />
			<div className="flex flex-wrap gap-2">
				<CopyButton text={message} label={t('invites.copyMessage')} />
				<ShareButton text={message} label={t('invites.share')} />
			</div>
		</>
	)
}
