import { reconcileCaptionTimings } from '../captions/reconcile.ts'
import { reconcileClipAnalyses } from './analysis-trigger.ts'
import { reconcilePhotoPosts } from './reconcile-photo-posts.ts'
import { reconcileRenders } from './reconcile-renders.ts'

/**
 * Everything the studio owes, settled against the queues: at worker start
 * (with no grace period) and every minute from the maintenance schedule.
 */
export async function reconcileStudio({ olderThanMs }: { olderThanMs?: number } = {}): Promise<number> {
	const renders = await reconcileRenders({ olderThanMs })
	const photoPosts = await reconcilePhotoPosts({ olderThanMs })
	const analyses = await reconcileClipAnalyses({ olderThanMs })
	const captionTimings = await reconcileCaptionTimings({ olderThanMs })
	return renders + photoPosts + analyses + captionTimings
}
