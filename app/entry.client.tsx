import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { DEFAULT_LANGUAGE, isLanguage, loadLanguage } from './utils/i18n.ts'

// Remix's default client entry, except that it first downloads the strings of
// the language the server rendered (<html lang>), and only those: hydrating
// without them would show keys (docs/decisions/128-page-weight.md).

const lang = document.documentElement.lang
void loadLanguage(isLanguage(lang) ? lang : DEFAULT_LANGUAGE).then(() => {
	startTransition(() => {
		hydrateRoot(
			document,
			<StrictMode>
				<RemixBrowser />
			</StrictMode>,
		)
	})
})
