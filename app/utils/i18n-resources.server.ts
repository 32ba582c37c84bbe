import en from './locale-en.ts'
import vi from './locale-vi.ts'
import { registerLanguage } from './i18n.ts'

// The server renders any language at any time, so it holds them all; the
// browser loads only its own (i18n.ts). Imported by language.server.ts, which
// every page's root loader uses, so this runs before the first render.
registerLanguage('vi', vi)
registerLanguage('en', en)
