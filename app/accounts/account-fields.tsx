import { getInputProps, type FieldMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { Field } from '~/components/forms.tsx'

type AccountFieldsProps = {
	fields: { name: FieldMetadata<string>; email: FieldMetadata<string>; password: FieldMetadata<string> }
}

/** Name, email and a new password: what every new account is made of, whether it starts a co-op or joins one by invite. */
export function AccountFields({ fields }: AccountFieldsProps) {
	const { t } = useTranslation('auth')
	return (
		<>
			<PersonNameField field={fields.name} />
			<EmailField field={fields.email} />
			<Field label={t('signup.password')} id={fields.password.id} errors={fields.password.errors} ns="auth">
				<input className="field-input" {...getInputProps(fields.password, { type: 'password' })} autoComplete="new-password" />
			</Field>
		</>
	)
}

/** A person's name, as at sign-up and on the account page. */
export function PersonNameField({ field }: { field: FieldMetadata<string> }) {
	const { t } = useTranslation('auth')
	return (
		<Field label={t('signup.name')} id={field.id} errors={field.errors} ns="auth">
			<input className="field-input" {...getInputProps(field, { type: 'text' })} autoComplete="name" />
		</Field>
	)
}

/** The email a person signs in with, as at sign-up and on the account page. */
export function EmailField({ field }: { field: FieldMetadata<string> }) {
	const { t } = useTranslation('auth')
	return (
		<Field label={t('signup.email')} id={field.id} errors={field.errors} ns="auth">
			<input className="field-input" {...getInputProps(field, { type: 'email' })} autoComplete="email" />
		</Field>
	)
}
