import { useState, type InputHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A password field with a "show password" box under it: on a small phone
 * keyboard a typo is easy to make and hard to see, and nobody is looking over
 * the shoulder of a person resetting their own password at home.
 */
export function PasswordInput(props: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
	const { t } = useTranslation('auth')
	const [visible, setVisible] = useState(false)
	return (
		<>
			<input {...props} type={visible ? 'text' : 'password'} />
			<label className="mt-2 flex cursor-pointer items-center gap-2 text-sm text-stone-700">
				<input type="checkbox" checked={visible} onChange={(event) => setVisible(event.currentTarget.checked)} />
				{t('showPassword')}
			</label>
		</>
	)
}
