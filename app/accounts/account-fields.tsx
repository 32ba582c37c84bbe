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
			<Field label={t('signup.name')} id={fields.name.id} errors={fields.name.errors} ns="auth">
				<input className="field-input" {...getInputProps(fields.name, { type: 'text' })} autoComplete="name" />
			</Field>
			<Field label={t('signup.email')} id={fields.email.id} errors={fields.email.errors} ns="auth">
				<input className="field-input" {...getInputProps(fields.email, { type: 'email' })} autoComplete="email" />
			</Field>
			<Field label={t('signup.password')} id={fields.password.id} errors={fields.password.errors} ns="auth">
				<input className="field-input" {...getInputProps(fields.password, { type: 'password' })} autoComplete="new-password" />
			</Field>
		</>
	)
}
