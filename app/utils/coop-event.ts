// The shape of everything sent on a co-op's event bus (app/utils/events.server.ts),
// shared by the server that publishes and the pages that listen.

/** `type` names what happened (`media.updated`, `render.progress`, ...); the rest is up to it. */
export type CoopEvent = { type: string } & Record<string, unknown>

export function isCoopEvent(value: unknown): value is CoopEvent {
	return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
}
