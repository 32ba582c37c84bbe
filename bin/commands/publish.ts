// studio publish: one post to one platform with the same client and the same
// retry and never-twice rules as the publishing worker, without a database.
//
//   studio publish --to TARGET --account ID --token TOKEN --file PATH [--file PATH ...]
//                  [--caption TEXT] [--title TEXT] [--privacy LEVEL] [--cover-url URL]
//
// Prints one JSON line {"to","status","platformId","attempts","error"} and exits
// 0 when published, 1 when failed or unconfirmed, 2 on bad usage.

import fs from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { getEnv } from '~/utils/env.server.ts'
import { deliver } from '#workers/publish/deliver.ts'
import { clientFor } from '#workers/publish/platforms/index.ts'
import { PUBLISH_TARGETS, type PublishTarget } from '#workers/publish/platforms/types.ts'
import { platformSettings } from '#workers/publish/settings.ts'

export const PUBLISH_USAGE = `Usage: studio publish --to <${PUBLISH_TARGETS.join('|')}> --account <id> --token <token> --file <path> [--file <path>...] [--caption <text>] [--title <text>] [--privacy <level>] [--cover-url <url>]`

export class PublishUsageError extends Error {}

export async function publishCommand(argv: string[]): Promise<number> {
	let values
	try {
		;({ values } = parseArgs({
			args: argv,
			options: {
				to: { type: 'string' },
				account: { type: 'string' },
				token: { type: 'string' },
				file: { type: 'string', multiple: true, default: [] },
				caption: { type: 'string', default: '' },
				title: { type: 'string' },
				privacy: { type: 'string' },
				'cover-url': { type: 'string' },
			},
		}))
	} catch (error) {
		throw new PublishUsageError(`${(error as Error).message}\n${PUBLISH_USAGE}`)
	}
	const to = values.to as PublishTarget
	if (!PUBLISH_TARGETS.includes(to)) throw new PublishUsageError(`--to must be one of ${PUBLISH_TARGETS.join(', ')}\n${PUBLISH_USAGE}`)
	if (!values.account) throw new PublishUsageError(`--account is missing\n${PUBLISH_USAGE}`)
	if (!values.token) throw new PublishUsageError(`--token is missing\n${PUBLISH_USAGE}`)
	if (values.file.length === 0) throw new PublishUsageError(`--file is missing\n${PUBLISH_USAGE}`)
	if (values.file.length > 1 && to !== 'facebook-photo') {
		throw new PublishUsageError(`${to} takes one --file; several files make one post only with facebook-photo`)
	}
	if (to === 'tiktok-direct' && !values.privacy) {
		throw new PublishUsageError('tiktok-direct needs --privacy, one of the creator\'s privacy options (there is no default)')
	}
	const files = values.file.map((file) => path.resolve(file))
	for (const file of files) {
		const stat = await fs.stat(file).catch(() => null)
		if (!stat?.isFile()) throw new PublishUsageError(`Cannot read ${file}: no such file`)
	}

	const outcome = await deliver(
		clientFor(to),
		{
			to,
			accountId: values.account,
			token: values.token,
			files,
			caption: values.caption,
			title: values.title ?? null,
			privacy: values.privacy ?? null,
			coverUrl: values['cover-url'] ?? null,
		},
		{ settings: platformSettings(getEnv()) },
	)
	console.log(
		JSON.stringify({ to, status: outcome.status, platformId: outcome.platformId, attempts: outcome.attempts, error: outcome.error }),
	)
	return outcome.status === 'published' ? 0 : 1
}
