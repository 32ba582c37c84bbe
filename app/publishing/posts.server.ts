// Posts: what the composer saves, the approval step, the post page's reads,
// and the person's own moves on one target (retry, confirm, mark posted).
// Every state change of a target goes through the engine's seam
// (targets.server.ts); this module decides which change the person asked for.
// docs/decisions/158-publishing-composer.md, 159-publishing-approval.md.

import { can, type Role } from '~/accounts/permissions.ts'
import type { PhotoPostOutputFile } from '~/jobs/definitions.ts'
import { shortLinkUrl, targetDestination } from '~/links/destination.ts'
import { ensureTargetLink, freshSlugs, publicOrigin, targetUtm } from '~/links/links.server.ts'
import { findProduct } from '~/products/products.server.ts'
import { localToInstant } from '~/utils/coop-time.ts'
import { getDb } from '~/utils/db.server.ts'
import { invariantResponse } from '~/utils/responses.server.ts'
import { writePostCopy } from './ai-copy.server.ts'
import { NumbersNotAcceptedError, recordManualSnapshot, type ManualNumbers } from './engagement.server.ts'
import { notify } from './notifications.server.ts'
import type { CopyFacts, CopyTone } from './offline-copy.ts'
import { linkForTarget } from './post-link.ts'
import { captionChannelFor, type PostFilter, type PostForm, type PostMedia, type TargetKind, targetKindFor, targetTexts, tiktokDirectSchema } from './post-schema.ts'
import { announcePost } from './publishing-events.server.ts'
import { confirmUnconfirmed, markPosted, moveTarget, retryTarget, scheduleTargets } from './targets.server.ts'
import { summarisePost, type PostSummary, type TargetState } from './target-state.ts'
import { readCreatorInfo } from './tiktok-creator.server.ts'

export type PostProblem = { key: string; values?: Record<string, string | number> }
export type Actor = { coopId: string; userId: string; role: Role }

const PRODUCT_LINKS = { shopeeUrl: true, lazadaUrl: true, tiktokShopUrl: true, facebookUrl: true, zaloUrl: true, publicSlug: true, publicPage: true } as const

/** What the composer shows where a channel's tracked link will go: the real slug is drawn when the post is saved, and has this length. */
export const LINK_PLACEHOLDER = '······'
const PHOTO_FORMAT_ORDER = ['portrait', 'square', 'story']

/** What the composer offers: finished videos, ready photo sets, channels (with their state), products. */
export async function loadComposerChoices(coopId: string, request?: Request) {
	const db = getDb()
	const [coop, renders, photoSets, channels, products] = await Promise.all([
		db.coop.findUniqueOrThrow({ where: { id: coopId }, select: { timezone: true, postApproval: true, name: true } }),
		db.render.findMany({
			where: { coopId, status: 'ready', quality: 'final', outputKey: { not: null } },
			orderBy: [{ handedOffAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
			take: 60,
			select: { id: true, format: true, handedOffAt: true, createdAt: true, edit: { select: { title: true, productId: true } } },
		}),
		db.photoPostRender.findMany({
			where: { coopId, status: 'ready' },
			orderBy: { createdAt: 'desc' },
			take: 30,
			select: { id: true, title: true, productId: true, outputs: true },
		}),
		db.channel.findMany({
			where: { coopId, archivedAt: null },
			orderBy: [{ platform: 'asc' }, { name: 'asc' }],
			select: { id: true, platform: true, name: true, state: true, directPost: true, manualKind: true },
		}),
		db.product.findMany({
			where: { coopId, archivedAt: null },
			orderBy: { code: 'asc' },
			select: { id: true, code: true, name: true, ...PRODUCT_LINKS },
		}),
	])
	return {
		coop,
		renders: renders.map((render) => ({ id: render.id, format: render.format, title: render.edit.title, productId: render.edit.productId, handedOff: Boolean(render.handedOffAt) })),
		photoSets: photoSets.map((set) => {
			const first = photoSetFiles(set.outputs)[0]
			const previewUrl = first ? `/studio/photo-posts/${set.id}/files/${first.key.split('/').pop()}?size=preview` : null
			return { id: set.id, title: set.title, productId: set.productId, previewUrl }
		}),
		channels,
		products,
		// The same length as the link each channel's caption will carry, so the limits counted as you type are exact.
		linkPreview: shortLinkUrl(publicOrigin(request), LINK_PLACEHOLDER),
	}
}

/** TikTok's posting screen for each direct-post channel of the co-op, read now (null: TikTok could not be asked). */
export async function loadTiktokCreators(coopId: string) {
	const channels = await getDb().channel.findMany({
		where: { coopId, platform: 'tiktok', directPost: true, archivedAt: null, state: 'connected' },
		select: { id: true, accessToken: true },
	})
	const creators: Record<string, Awaited<ReturnType<typeof readCreatorInfo>>> = {}
	for (const channel of channels) creators[channel.id] = await readCreatorInfo(channel)
	return creators
}

/** The person's own post as the composer shows it again (a draft, or one sent back). */
export async function loadPostForEditing(coopId: string, postId: string) {
	const post = await getDb().post.findFirst({
		where: { id: postId, coopId, archivedAt: null },
		include: { targets: { select: { channelId: true, state: true, caption: true, options: true, privacy: true, dueAt: true } } },
	})
	invariantResponse(post, 'Post not found')
	const overrides: Record<string, string> = {}
	let tiktok: Record<string, unknown> | null = null
	for (const target of post.targets) {
		const options = JSON.parse(target.options) as { overridden?: boolean; tiktok?: Record<string, unknown> }
		if (options.overridden && target.caption) overrides[target.channelId] = target.caption
		if (options.tiktok) tiktok = { ...options.tiktok, privacy: target.privacy }
	}
	return {
		id: post.id,
		renderId: post.renderId,
		photoPostId: post.photoPostId,
		productId: post.productId,
		caption: post.caption,
		hashtags: post.hashtags,
		tone: post.tone,
		approvalState: post.approvalState,
		approvalComment: post.approvalComment,
		channelIds: post.targets.map((target) => target.channelId),
		overrides,
		tiktok,
		dueAt: post.targets.find((target) => target.dueAt)?.dueAt ?? null,
		editable: post.targets.every((target) => target.state === 'draft'),
	}
}

export type SaveResult = { ok: true; postId: string; outcome: 'draft' | 'scheduled' | 'pending' } | { ok: false; problems: PostProblem[] }

/**
 * Saves a post and its targets (one per channel) and then, as asked, leaves it
 * a draft, sends it for approval (an editor, when the co-op asks for it), or
 * schedules it through the engine. A post can be saved again only while none
 * of its targets has left "draft".
 */
export async function savePost(actor: Actor, form: PostForm, options: { postId?: string; now?: Date; origin?: string } = {}): Promise<SaveResult> {
	const db = getDb()
	const now = options.now ?? new Date()
	const { coopId } = actor
	const coop = await db.coop.findUniqueOrThrow({ where: { id: coopId }, select: { timezone: true, postApproval: true } })
	const problems: PostProblem[] = []

	let media: PostMedia | null = null
	if (form.renderId) {
		const render = await db.render.findFirst({ where: { id: form.renderId, coopId, status: 'ready', outputKey: { not: null } }, select: { format: true } })
		if (render) media = { type: 'video', format: render.format }
	} else if (form.photoPostId) {
		const set = await db.photoPostRender.findFirst({ where: { id: form.photoPostId, coopId, status: 'ready' }, select: { id: true } })
		if (set) media = { type: 'photos' }
	}
	if (!media) return { ok: false, problems: [{ key: 'posts:errors.mediaUnavailable' }] }

	const product = form.productId
		? await db.product.findFirst({ where: { id: form.productId, coopId }, select: { id: true, code: true, ...PRODUCT_LINKS } })
		: null
	if (form.productId && !product) return { ok: false, problems: [{ key: 'posts:errors.productUnavailable' }] }

	const channelIds = [...new Set(form.channelIds)]
	const channels = await db.channel.findMany({ where: { id: { in: channelIds }, coopId, archivedAt: null } })
	if (channels.length !== channelIds.length) return { ok: false, problems: [{ key: 'posts:errors.channelUnavailable' }] }

	const existing = options.postId
		? await db.post.findFirst({ where: { id: options.postId, coopId, archivedAt: null }, include: { targets: { select: { id: true, state: true, channelId: true } } } })
		: null
	// Each channel's caption carries its own tracked link (decision 184). A draft saved again keeps the
	// slugs it had per channel, so an address already copied somewhere still works.
	const keptLinks = existing
		? await db.trackedLink.findMany({ where: { coopId, postId: existing.id, kind: 'target' }, select: { id: true, slug: true, postTargetId: true } })
		: []
	const keptSlugOf = new Map<string, { id: string; slug: string }>()
	for (const link of keptLinks) {
		const channelId = existing!.targets.find((target) => target.id === link.postTargetId)?.channelId
		if (channelId) keptSlugOf.set(channelId, link)
	}
	const origin = options.origin ?? publicOrigin()
	const newSlugs = await freshSlugs(channels.length)
	const planned: Array<{ channel: (typeof channels)[number]; kind: TargetKind; link: string | null; slug: string | null; keptLinkId: string | null }> = []
	for (const [index, channel] of channels.entries()) {
		if (channel.state !== 'connected') problems.push({ key: 'posts:errors.channelNeedsReconnect', values: { channel: channel.name } })
		const kind = targetKindFor(channel, media)
		if (!kind) problems.push({ key: 'posts:errors.kindUnsupported', values: { channel: channel.name } })
		else {
			const kept = keptSlugOf.get(channel.id)
			const slug = targetDestination(product, channel.platform) ? (kept?.slug ?? newSlugs[index]!) : null
			planned.push({ channel, kind, slug, keptLinkId: slug ? (kept?.id ?? null) : null, link: slug ? shortLinkUrl(origin, slug) : null })
		}
	}

	const texts = targetTexts(form, planned.map(({ channel, link }) => ({ id: channel.id, platform: channel.platform, link })))
	for (const text of texts) {
		if (text.check.blocking) {
			const channel = channels.find((candidate) => candidate.id === text.channelId)!
			problems.push({ key: 'posts:errors.captionTooLongFor', values: { channel: channel.name, max: text.check.maxLength, over: text.check.over } })
		}
	}

	let tiktok: ReturnType<typeof tiktokDirectSchema.parse> | null = null
	let creatorNickname: string | null = null
	const direct = planned.find((plan) => plan.kind === 'tiktok-direct')
	if (direct) {
		const parsed = tiktokDirectSchema.safeParse(form.tiktok ?? {})
		if (!parsed.success) problems.push(...[...new Set(parsed.error.issues.map((issue) => issue.message))].map((key) => ({ key })))
		else {
			const creator = await readCreatorInfo(direct.channel)
			if (!creator) problems.push({ key: 'posts:errors.tiktokCreatorUnavailable' })
			else if (!creator.privacyLevelOptions.includes(parsed.data.privacy)) problems.push({ key: 'posts:errors.tiktokPrivacy' })
			else {
				tiktok = parsed.data
				creatorNickname = creator.nickname
			}
		}
	}

	let dueAt: Date | null = null
	if (form.when === 'now') dueAt = now
	if (form.when === 'schedule') {
		dueAt = localToInstant(form.day!, form.time!, coop.timezone)
		if (!dueAt) problems.push({ key: 'posts:errors.whenRequired' })
		else if (dueAt.getTime() < now.getTime() - 60_000) problems.push({ key: 'posts:errors.whenPast' })
	}
	if (problems.length) return { ok: false, problems }

	const needsApproval = form.when !== 'draft' && coop.postApproval && !can(actor.role, 'approve:post')
	if (options.postId) {
		invariantResponse(existing, 'Post not found')
		if (existing.targets.some((target) => target.state !== 'draft')) return { ok: false, problems: [{ key: 'posts:errors.postLocked' }] }
	}
	const approvalState = needsApproval ? 'pending' : form.when === 'draft' ? (existing?.approvalState === 'changes_requested' ? 'changes_requested' : 'none') : 'none'
	const postData = {
		renderId: form.renderId ?? null,
		photoPostId: form.photoPostId ?? null,
		productId: product?.id ?? null,
		caption: form.caption,
		hashtags: form.hashtags,
		// The product's own address, untracked; each target's caption carries its tracked link.
		link: product?.publicSlug && product.publicPage ? `${origin}/p/${product.publicSlug}` : linkForTarget({ product, channel: { platform: 'manual' } }),
		tone: form.tone ?? null,
		approvalState,
		approvalComment: approvalState === 'changes_requested' ? (existing?.approvalComment ?? null) : null,
		approvedById: null,
		approvedAt: null,
	}
	const targetRows = planned.map(({ channel, kind, link }) => {
		const text = texts.find((candidate) => candidate.channelId === channel.id)!
		const isDirect = kind === 'tiktok-direct' && tiktok
		return {
			coopId,
			channelId: channel.id,
			kind,
			caption: text.text,
			title: channel.platform === 'zalo_oa' ? text.text.split('\n')[0]!.slice(0, 150) : null,
			privacy: isDirect ? tiktok!.privacy : null,
			options: JSON.stringify({
				overridden: text.overridden,
				link,
				...(isDirect
					? {
							tiktok: {
								allowComment: tiktok!.allowComment,
								allowDuet: tiktok!.allowDuet,
								allowStitch: tiktok!.allowStitch,
								discloseCommercial: tiktok!.discloseCommercial,
								yourBrand: tiktok!.yourBrand,
								brandedContent: tiktok!.brandedContent,
								consent: true,
								creatorNickname,
							},
						}
					: {}),
			}),
			state: 'draft',
			dueAt,
		}
	})

	const post = await db.$transaction(async (tx) => {
		const saved = existing
			? await tx.postTarget
					.deleteMany({ where: { postId: existing.id, state: 'draft' } })
					.then(() => tx.post.update({ where: { id: existing.id }, data: { ...postData, targets: { create: targetRows } }, include: { targets: true } }))
			: await tx.post.create({ data: { ...postData, coopId, createdById: actor.userId, targets: { create: targetRows } }, include: { targets: true } })
		// Links of channels no longer chosen stay (their address may be out there) but point at no target.
		if (existing) await tx.trackedLink.updateMany({ where: { coopId, postId: existing.id, kind: 'target' }, data: { postTargetId: null } })
		for (const plan of planned) {
			if (!plan.slug) continue
			const target = saved.targets.find((candidate) => candidate.channelId === plan.channel.id)!
			if (plan.keptLinkId) {
				await tx.trackedLink.update({
					where: { id: plan.keptLinkId },
					data: {
						postTargetId: target.id,
						renderId: saved.renderId,
						productId: product!.id,
						destination: targetDestination(product, plan.channel.platform)!,
						...targetUtm({ platform: plan.channel.platform, manualKind: plan.channel.manualKind, productCode: product!.code, slug: plan.slug }),
					},
				})
			} else await ensureTargetLink(coopId, target.id, { slug: plan.slug, db: tx })
		}
		return saved
	})

	let outcome: 'draft' | 'scheduled' | 'pending' = 'draft'
	if (needsApproval) {
		outcome = 'pending'
		await notify(db, {
			coopId,
			kind: 'post.approval_requested',
			params: { caption: post.caption.slice(0, 80) },
			href: `/posts/${post.id}`,
			to: 'owners',
			dedupeKey: `post-${post.id}-approval-${post.updatedAt.getTime()}`,
		})
	} else if (form.when !== 'draft' && dueAt) {
		outcome = 'scheduled'
		await scheduleTargets(db, coopId, post.targets.map((target) => target.id), dueAt, now)
	}
	await announcePost(coopId, post.id)
	return { ok: true, postId: post.id, outcome }
}

/** An owner approves a waiting post: its targets are scheduled for the time the author chose (or now, if that has passed). */
export async function approvePost(actor: Actor, postId: string, now = new Date()): Promise<boolean> {
	const db = getDb()
	invariantResponse(can(actor.role, 'approve:post'), 'Forbidden', 403)
	const post = await db.post.findFirst({ where: { id: postId, coopId: actor.coopId, archivedAt: null }, include: { targets: true } })
	invariantResponse(post, 'Post not found')
	const { count } = await db.post.updateMany({
		where: { id: post.id, approvalState: 'pending' },
		data: { approvalState: 'approved', approvedById: actor.userId, approvedAt: now, approvalComment: null },
	})
	if (count !== 1) return false
	for (const target of post.targets) {
		const dueAt = target.dueAt && target.dueAt > now ? target.dueAt : now
		await scheduleTargets(db, actor.coopId, [target.id], dueAt, now)
	}
	if (post.createdById && post.createdById !== actor.userId) {
		await notify(db, {
			coopId: actor.coopId,
			kind: 'post.approved',
			params: { caption: post.caption.slice(0, 80) },
			href: `/posts/${post.id}`,
			to: { userIds: [post.createdById] },
			dedupeKey: `post-${post.id}-approved-${now.getTime()}`,
		})
	}
	await announcePost(actor.coopId, post.id)
	return true
}

/** An owner sends a waiting post back to its author with a comment; nothing is scheduled. */
export async function sendBackPost(actor: Actor, postId: string, comment: string, now = new Date()): Promise<boolean> {
	const db = getDb()
	invariantResponse(can(actor.role, 'approve:post'), 'Forbidden', 403)
	const post = await db.post.findFirst({ where: { id: postId, coopId: actor.coopId, archivedAt: null } })
	invariantResponse(post, 'Post not found')
	const { count } = await db.post.updateMany({
		where: { id: post.id, approvalState: 'pending' },
		data: { approvalState: 'changes_requested', approvalComment: comment, approvedById: null, approvedAt: null },
	})
	if (count !== 1) return false
	if (post.createdById) {
		await notify(db, {
			coopId: actor.coopId,
			kind: 'post.sent_back',
			params: { comment: comment.slice(0, 200) },
			href: `/posts/${post.id}/edit`,
			to: { userIds: [post.createdById] },
			dedupeKey: `post-${post.id}-sent-back-${now.getTime()}`,
		})
	}
	await announcePost(actor.coopId, post.id)
	return true
}

export async function loadApprovalSetting(coopId: string) {
	return (await getDb().coop.findUniqueOrThrow({ where: { id: coopId }, select: { postApproval: true } })).postApproval
}

export async function setPostApproval(coopId: string, on: boolean) {
	await getDb().coop.update({ where: { id: coopId }, data: { postApproval: on } })
}

/** The co-op's posts, newest first, each with one word for its state across channels. */
export async function listPosts(coopId: string, filter: PostFilter = 'all') {
	const posts = await getDb().post.findMany({
		where: { coopId, archivedAt: null },
		orderBy: { createdAt: 'desc' },
		take: 200,
		include: {
			targets: { select: { id: true, state: true, dueAt: true, channel: { select: { name: true, platform: true } } } },
			render: { select: { format: true, edit: { select: { title: true } } } },
			photoPost: { select: { title: true } },
		},
	})
	return posts
		.map((post) => ({
			id: post.id,
			caption: post.caption,
			title: post.render?.edit.title ?? post.photoPost?.title ?? '',
			approvalState: post.approvalState,
			summary: (post.approvalState === 'pending' ? 'pending' : summarisePost(post.targets.map((t) => t.state as TargetState))) as PostSummary | 'pending',
			dueAt: post.targets.map((t) => t.dueAt).find(Boolean) ?? null,
			channels: post.targets.map((t) => ({ name: t.channel.name, platform: t.channel.platform, state: t.state })),
			createdAt: post.createdAt,
		}))
		.filter((post) => filter === 'all' || post.summary === filter)
}

/** Everything the post page shows; another co-op's post is not found. */
export async function loadPost(coopId: string, postId: string) {
	const post = await getDb().post.findFirst({
		where: { id: postId, coopId, archivedAt: null },
		include: {
			render: { select: { id: true, format: true, edit: { select: { title: true } } } },
			photoPost: { select: { id: true, title: true, outputs: true } },
			product: { select: { code: true, name: true } },
			createdBy: { select: { id: true, name: true } },
			targets: {
				orderBy: { createdAt: 'asc' },
				include: {
					channel: { select: { id: true, name: true, platform: true, state: true, manualKind: true, address: true } },
					snapshots: { orderBy: { takenAt: 'asc' }, select: { takenAt: true, views: true, likes: true, comments: true, shares: true, source: true } },
					attempts: { orderBy: { startedAt: 'desc' }, take: 1, select: { errorKind: true, errorMessage: true, finishedAt: true } },
				},
			},
		},
	})
	invariantResponse(post, 'Post not found')
	return {
		...post,
		files: postFiles(post),
		summary: summarisePost(post.targets.map((t) => t.state as TargetState)),
	}
}

export type PostFile = { url: string; name: string; type: 'video/mp4' | 'image/jpeg' }

/** The files a post carries, served by /posts/$postId/files/$index: the video, or the photo set's Facebook-sized pictures of one format. */
export function postFiles(post: { id: string; render: { format: string; edit: { title: string } } | null; photoPost: { title: string; outputs: string | null } | null }): PostFile[] {
	if (post.render) return [{ url: `/posts/${post.id}/files/0`, name: `${post.render.edit.title} (${post.render.format}).mp4`, type: 'video/mp4' }]
	return photoSetFiles(post.photoPost?.outputs ?? null).map((file, index) => ({
		url: `/posts/${post.id}/files/${index}`,
		name: `${post.photoPost!.title} ${file.position}.jpg`,
		type: 'image/jpeg',
	}))
}

function photoSetFiles(outputs: string | null): PhotoPostOutputFile[] {
	const files = outputs ? (JSON.parse(outputs) as PhotoPostOutputFile[]) : []
	const facebook = files.filter((file) => file.variant === 'facebook')
	const format = PHOTO_FORMAT_ORDER.find((candidate) => facebook.some((file) => file.format === candidate)) ?? facebook[0]?.format
	return facebook.filter((file) => file.format === format).sort((a, b) => a.position - b.position)
}

/** Where one of a post's files is kept (relative to MEDIA_ROOT), for the authorised file route. */
export async function requirePostFile(coopId: string, postId: string, index: number) {
	const post = await getDb().post.findFirst({
		where: { id: postId, coopId },
		select: {
			id: true,
			render: { select: { outputKey: true, status: true, format: true, edit: { select: { title: true } } } },
			photoPost: { select: { title: true, outputs: true } },
		},
	})
	invariantResponse(post, 'Post not found')
	const described = postFiles(post)[index]
	invariantResponse(described, 'File not found')
	if (post.render) {
		invariantResponse(post.render.outputKey && post.render.status === 'ready', 'File not found')
		return { key: post.render.outputKey, type: described.type, name: described.name }
	}
	return { key: photoSetFiles(post.photoPost?.outputs ?? null)[index]!.key, type: described.type, name: described.name }
}

async function requireTarget(coopId: string, postId: string, targetId: string) {
	const target = await getDb().postTarget.findFirst({
		where: { id: targetId, postId, coopId },
		include: { channel: { select: { state: true, name: true, platform: true, manualKind: true, address: true } } },
	})
	invariantResponse(target, 'Target not found')
	return target
}

export type TargetMoveResult = { ok: true } | { ok: false; problem: string }

/** Sends one failed channel again, now; the others are left as they are. */
export async function retryPostTarget(coopId: string, postId: string, targetId: string, now = new Date()): Promise<TargetMoveResult> {
	const target = await requireTarget(coopId, postId, targetId)
	if (target.state !== 'failed' && target.state !== 'needs_attention') return { ok: false, problem: 'posts:errors.notRetryable' }
	if (target.channel.state !== 'connected') return { ok: false, problem: 'posts:errors.reconnectFirst' }
	return (await retryTarget(getDb(), coopId, target.id, now)) ? { ok: true } : { ok: false, problem: 'posts:errors.notRetryable' }
}

/**
 * The person looked for an unconfirmed post on the platform: found, it is
 * published (with its address if they pasted one); not found, it is sent again.
 */
export async function confirmPostTarget(
	coopId: string,
	postId: string,
	targetId: string,
	answer: { found: boolean; postUrl?: string | null },
	now = new Date(),
): Promise<TargetMoveResult> {
	const target = await requireTarget(coopId, postId, targetId)
	if (target.state !== 'unconfirmed') return { ok: false, problem: 'posts:errors.notUnconfirmed' }
	const moved = await confirmUnconfirmed(getDb(), coopId, target.id, { found: answer.found, url: answer.postUrl || null }, now)
	return moved ? { ok: true } : { ok: false, problem: 'posts:errors.notUnconfirmed' }
}

/** A manual channel: the person posted the package themselves. */
export async function markTargetPosted(
	coopId: string,
	postId: string,
	targetId: string,
	userId: string,
	postUrl: string | null,
	now = new Date(),
): Promise<TargetMoveResult> {
	const target = await requireTarget(coopId, postId, targetId)
	if (target.kind !== 'manual') return { ok: false, problem: 'posts:errors.notManual' }
	const db = getDb()
	// Due: the engine handed the package over and waits for the person.
	if (target.state === 'needs_attention') {
		return (await markPosted(db, coopId, target.id, userId, postUrl, now)) ? { ok: true } : { ok: false, problem: 'posts:errors.notPostable' }
	}
	// Posted ahead of its time: it goes straight to published, through publishing as every target does.
	const data = { publishedAt: now, postUrl, markedById: userId, reason: null }
	let from = target.state as TargetState
	if (from === 'scheduled') {
		if (!(await moveTarget(db, target, 'scheduled', 'publishing'))) return { ok: false, problem: 'posts:errors.notPostable' }
		from = 'publishing'
	}
	if (from !== 'publishing' && from !== 'unconfirmed') return { ok: false, problem: 'posts:errors.notPostable' }
	const moved = await moveTarget(db, target, from, 'published', data)
	return moved ? { ok: true } : { ok: false, problem: 'posts:errors.notPostable' }
}

/** Numbers a person read off a manual channel's post and typed in. */
export async function recordTargetNumbers(coopId: string, postId: string, targetId: string, userId: string, numbers: ManualNumbers): Promise<TargetMoveResult> {
	const target = await requireTarget(coopId, postId, targetId)
	if (target.state !== 'published') return { ok: false, problem: 'posts:errors.notPublished' }
	try {
		await recordManualSnapshot(getDb(), { coopId, targetId: target.id, userId, ...numbers })
	} catch (error) {
		if (error instanceof NumbersNotAcceptedError) return { ok: false, problem: error.reason === 'has-api' ? 'posts:errors.numbersFromApi' : 'posts:errors.notPublished' }
		throw error
	}
	return { ok: true }
}

/** The ready package for one manual target: its files, its exact text, its link, where it goes. */
export async function loadHandoff(coopId: string, postId: string, targetId: string) {
	const target = await requireTarget(coopId, postId, targetId)
	invariantResponse(target.kind === 'manual', 'Not a manual channel')
	const post = await loadPost(coopId, postId)
	const options = JSON.parse(target.options) as { link?: string | null }
	return {
		post: { id: post.id, title: post.render?.edit.title ?? post.photoPost?.title ?? '' },
		target: { id: target.id, state: target.state, dueAt: target.dueAt, postUrl: target.postUrl, publishedAt: target.publishedAt },
		channel: target.channel,
		text: target.caption ?? post.caption,
		link: options.link ?? post.link,
		files: post.files,
	}
}

/** The words a video says on screen: its caption lines, then its title cards, from the spec it was rendered with. */
function spokenLines(specJson: string): string[] {
	try {
		const spec = JSON.parse(specJson) as { captions?: { lines?: Array<{ text?: unknown }> }; timeline?: Array<{ type?: string; lines?: unknown[] }> }
		const captions = (spec.captions?.lines ?? []).map((line) => String(line.text ?? ''))
		const titles = (spec.timeline ?? []).filter((item) => item.type === 'title').flatMap((item) => (item.lines ?? []).map(String))
		return [...captions, ...titles].filter(Boolean)
	} catch {
		return []
	}
}

/**
 * "Viết bằng AI": copy from the product's facts and the video's words in one
 * tone, for the platform the person is writing for (OpenAI when configured,
 * the offline templates otherwise). Nothing is saved: the person edits it first.
 */
export async function writeCopyFor(coopId: string, input: { renderId?: string; productId?: string; tone: CopyTone; platform: string }) {
	const db = getDb()
	const [coop, product, render] = await Promise.all([
		db.coop.findUniqueOrThrow({ where: { id: coopId }, select: { name: true } }),
		input.productId ? findProduct(coopId, input.productId) : null,
		input.renderId ? db.render.findFirst({ where: { id: input.renderId, coopId }, select: { spec: true } }) : null,
	])
	const facts: CopyFacts = {
		coopName: coop.name,
		product: product
			? {
					name: product.name,
					code: product.code,
					priceVnd: product.priceVnd,
					unit: product.unit,
					growingArea: product.growingArea,
					producerGroup: product.producerGroup,
					certifications: product.certifications,
					harvestDay: product.harvestDay,
					orderPhone: product.orderPhone,
				}
			: null,
		videoCaptions: render ? spokenLines(render.spec) : [],
		// Each channel's caption gets its own tracked link when the post is saved (decision 184), not a shop address here.
		link: null,
	}
	const copy = await writePostCopy(facts, input.tone, captionChannelFor(input.platform))
	// The composer keeps hashtags in their own field: the trailing hashtag line leaves the caption.
	const tags = copy.hashtags.join(' ')
	const caption = tags && copy.caption.endsWith(tags) ? copy.caption.slice(0, -tags.length).trimEnd() : copy.caption
	return { caption, hashtags: tags, source: copy.source }
}
