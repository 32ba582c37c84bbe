import { namespacesFromFiles } from './i18n-languages.ts'

// Every namespace of one language, as one chunk: see i18n.ts.
export default namespacesFromFiles(import.meta.glob<Record<string, unknown>>('../locales/vi/*.json', { eager: true, import: 'default' }))
