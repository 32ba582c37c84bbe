// Moved to app/publishing/platform/ (docs/decisions/154-channel-connections.md).
export * from '~/publishing/platform/http.ts'
