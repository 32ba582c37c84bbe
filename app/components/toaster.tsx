import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Toast } from '~/utils/session.server.ts'

const styles = {
	success: 'border-tea-500 bg-tea-50 text-tea-900',
	error: 'border-red-500 bg-red-50 text-red-900',
	info: 'border-sky-500 bg-sky-50 text-sky-900',
} as const

/** Shows the one-time message that the previous action left (redirectWithToast). */
export function Toaster({ toast }: { toast: Toast | null }) {
	const { t } = useTranslation()
	const [visible, setVisible] = useState(Boolean(toast))
	useEffect(() => {
		setVisible(Boolean(toast))
		if (!toast) return
		const timer = setTimeout(() => setVisible(false), 6000)
		return () => clearTimeout(timer)
	}, [toast])
	if (!toast || !visible) return null
	return (
		<div role="status" className={`mb-4 rounded-lg border-l-4 p-3 ${styles[toast.kind]}`} data-testid="toast">
			{t(toast.key, toast.values)}
		</div>
	)
}
