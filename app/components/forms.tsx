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
			{errors?.length ? (
				<p className="field-error" id={`${id}-error`} role="alert">
					{errors.map((e) => t(e, { defaultValue: e })).join(' ')}
				</p>
			) : null}
		</div>
	)
}

export function FormError({ message }: { message?: string | null }) {
	if (!message) return null
	return (
		<p className="mb-4 rounded-lg bg-red-50 p-3 text-sm text-red-800" role="alert" data-testid="form-error">
			{message}
		</p>
	)
}
