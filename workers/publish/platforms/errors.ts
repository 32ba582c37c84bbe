// Moved to app/publishing/platform/ so that the channel pages can call the
// OAuth exchanges without the web side importing workers/ (docs/decisions/154-channel-connections.md).
export * from '~/publishing/platform/errors.ts'
