import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

type FieldProps = {
	label: string
	/** Translation keys returned by the form's Zod schema. */
	errors?: string[]
	/** Namespace of those keys. */
	ns: string
	id: string
	children: React.ReactNode
	hint?: string
}

/** A label, its control, an optional hint and the translated field errors. */
export function Field({ label, errors, ns, id, children, hint }: FieldProps) {
	const { t } = useTranslation(ns)
	return (
		<div className="mb-4">
			<label className="field-label" htmlFor={id}>
				{label}
			</label>
			{children}
			{hint ? <p className="mt-1 text-sm text-stone-500">{hint}</p> : null}
			<ErrorLine id={`${id}-error`} message={errors?.length ? errors.map((e) => t(e, { defaultValue: e })).join(' ') : null} />
		</div>
	)
}

/**
 * A field's error message. Once a field has shown an error, its line keeps
 * its space (empty) after the error clears: leaving the field is often the
 * press on the submit button itself, and a button that jumps up between
 * press and release loses the tap (issue 9). The space goes with the page.
 */
export function ErrorLine({ id, message, className = '' }: { id?: string; message: string | null; className?: string }) {
	const [kept, setKept] = useState(message)
	useEffect(() => {
		if (message) setKept(message)
	}, [message])
	if (message) {
		return (
			<p className={`field-error ${className}`} id={id} role="alert">
				{message}
			</p>
		)
	}
	return kept ? (
		<p className={`field-error invisible ${className}`} aria-hidden data-testid="cleared-error">
			{kept}
		</p>
	) : null
}

export function FormError({ message }: { message?: string | null }) {
	if (!message) return null
	return (
		<p className="mb-4 rounded-lg bg-red-50 p-3 text-sm text-red-800" role="alert" data-testid="form-error">
			{message}
		</p>
	)
}
