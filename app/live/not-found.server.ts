import { LiveNotFound } from './sessions.server.ts'

/** Runs a live domain call for a route: a session, item or comment not of this co-op answers 404. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
	try {
		return await work
	} catch (error) {
		if (error instanceof LiveNotFound) throw new Response('Not found', { status: 404 })
		throw error
	}
}
