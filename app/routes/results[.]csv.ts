import { type LoaderFunctionArgs } from '@remix-run/node'
import { resultsCsv } from '~/results/dashboard.server.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { getT } from '~/utils/language.server.ts'

// The results dashboard as CSV, with the same filters as /results (issue 12).
// Cells are escaped against spreadsheet formula injection (app/results/csv.ts).

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId } = await requireCoopPermission(request, 'read:insight')
	const { t } = await getT(request)
	const { csv, fileName } = await resultsCsv(coopId, new URL(request.url), (key) => t(key))
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${fileName}"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
