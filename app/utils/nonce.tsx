import { createContext, useContext } from 'react'

// The Content-Security-Policy nonce of this response (server/content-security.ts).
// The server renders it on Remix's inline scripts; in the browser it reads
// as '' (browsers hide nonces from scripts), which is what hydration expects.

const NonceContext = createContext('')

export const NonceProvider = NonceContext.Provider

export function useNonce(): string {
	return useContext(NonceContext)
}
