import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireMediaFiles } from '~/media/library.server.ts'
import { resolveMediaPath } from '~/media/storage.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { fileResponse } from '~/utils/file-response.server.ts'
import { invariantResponse } from '~/utils/responses.server.ts'

const VARIANTS = ['thumb', 'poster', 'proxy', 'original'] as const
type Variant = (typeof VARIANTS)[number]

function isVariant(value: string | undefined): value is Variant {
	return (VARIANTS as readonly (string | undefined)[]).includes(value)
}

/**
 * A media item's files: /library/:mediaId/thumb | poster | proxy | original.
 * The path comes from the database row of the caller's co-op, never from the
 * URL; video is served with byte ranges so that phones can seek. With
 * ?download=1 the original is saved under its display name.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:media')
	invariantResponse(isVariant(params.variant), 'Not found')
	const media = await requireMediaFiles(coopId, params.mediaId!)
	const key = { thumb: media.thumbKey, poster: media.posterKey, proxy: media.proxyKey, original: media.storageKey }[params.variant]
	invariantResponse(key && (params.variant !== 'original' || media.status !== 'failed'), 'Not found')
	const contentType =
		params.variant === 'original' ? media.mimeType : key.endsWith('.mp4') ? 'video/mp4' : 'image/jpeg'
	const download = params.variant === 'original' && new URL(request.url).searchParams.has('download')
	return fileResponse(request, resolveMediaPath(key), { contentType, downloadName: download ? media.displayName : undefined })
}
