import { Link } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

type ConflictNoticeProps = {
	editId: string
	/** The stored revision the refused save found: a new one means a new refusal. */
	currentRevision: number
	busy: boolean
	onSaveMine: () => void
}

/**
 * Someone else saved this edit since the screen loaded it, so this person's
 * draft was not saved. The draft stays on screen until they choose.
 */
export function ConflictNotice({ editId, currentRevision, busy, onSaveMine }: ConflictNoticeProps) {
	const { t } = useTranslation('studio-screen')
	const notice = useRef<HTMLDivElement>(null)
	// Save sits at the bottom of a phone screen, far from this notice: bring it into view.
	useEffect(() => {
		notice.current?.scrollIntoView({ block: 'center' })
	}, [currentRevision])
	return (
		<div ref={notice} className="mb-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900" role="alert" data-testid="edit-conflict">
			<p className="mb-3">{t('editor.errors.conflict')}</p>
			<div className="flex flex-wrap gap-2">
				{/* A full page load: a navigation within the app would keep the draft, which lives in the screen's state. */}
				<Link to={`/studio/${editId}`} reloadDocument className="btn-secondary">
					{t('editor.conflict.reload')}
				</Link>
				<button type="button" className="btn-secondary" disabled={busy} onClick={onSaveMine}>
					{t('editor.conflict.saveMine')}
				</button>
			</div>
		</div>
	)
}
