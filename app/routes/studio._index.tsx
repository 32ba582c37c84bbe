import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { can } from '~/accounts/permissions.ts'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { listEdits } from '~/studio/edits/edits.server.ts'
import { listPhotoPosts } from '~/studio/edits/photo-posts.server.ts'
import { isActiveRenderStatus } from '~/studio/edits/render-status.ts'
import { PREVIEW_WIDTH } from '~/studio/photo-posts/preview.ts'
import { requireCoopPermission } from '~/utils/auth.server.ts'
import { getT } from '~/utils/language.server.ts'
import { useRevalidateOnCoopEvents } from '~/utils/use-coop-events.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { coopId, role } = await requireCoopPermission(request, 'read:project')
	const [edits, photoPosts, { t }] = await Promise.all([listEdits(coopId), listPhotoPosts(coopId), getT(request)])
	return {
		edits: edits.map((edit) => ({ ...edit, updatedAt: edit.updatedAt.toISOString(), latest: edit.renders[0] ?? null })),
		photoPosts: photoPosts.map((post) => ({ ...post, createdAt: post.createdAt.toISOString() })),
		canCreate: can(role, 'create:project'),
		pageTitle: t('studio-screen:list.title'),
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? 'Studio'} · Co-op Studio` }]

export default function StudioPage() {
	const { edits, photoPosts, canCreate } = useLoaderData<typeof loader>()
	const { t } = useTranslation('studio-screen')
	useRevalidateOnCoopEvents((event) => event.type === 'render.updated' || event.type === 'photo-post.updated')
	return (
		<div className="space-y-6">
			<div className="flex flex-wrap items-center gap-3">
				<h1 className="text-2xl font-bold">{t('list.title')}</h1>
				{canCreate ? (
					<div className="ml-auto flex flex-wrap gap-2">
						<Link to="/studio/photo-posts/new" className="btn-secondary">
							{t('list.newPhotoPost')}
						</Link>
						<Link to="/studio/new" className="btn-primary" data-testid="new-video">
							{t('list.newVideo')}
						</Link>
					</div>
				) : null}
			</div>
			<p className="text-stone-600">{t('list.intro')}</p>

			<section>
				<h2 className="mb-2 text-lg font-bold">{t('list.videos')}</h2>
				{edits.length === 0 ? (
					<p className="card text-stone-600">{canCreate ? t('list.emptyVideos') : t('list.emptyVideosViewer')}</p>
				) : (
					<ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
						{edits.map((edit) => (
							<li key={edit.id}>
								<Link to={`/studio/${edit.id}`} className="card block hover:border-tea-500" data-testid="edit-card">
									<span className="block truncate font-semibold">{edit.title}</span>
									<span className="block text-sm text-stone-500">
										{edit.templateId ? t(`studio-templates:templates.${edit.templateId}.name`, { defaultValue: edit.templateId }) : t('list.noTemplate')}
										{edit.product ? ` · ${edit.product.name}` : ''}
									</span>
									<span className="mt-2 block text-sm">{edit.latest ? <LatestRender latest={edit.latest} /> : t('list.notRendered')}</span>
								</Link>
							</li>
						))}
					</ul>
				)}
			</section>

			<section id="photo-posts">
				<h2 className="mb-2 text-lg font-bold">{t('list.photoPosts')}</h2>
				{photoPosts.length === 0 ? (
					<p className="card text-stone-600">{t('list.emptyPhotoPosts')}</p>
				) : (
					<ul className="space-y-3">
						{photoPosts.map((post) => (
							<li key={post.id} className="card" data-testid="photo-post" data-status={post.status}>
								<div className="mb-2 flex flex-wrap items-center gap-2">
									{/* The separator rides with the title (a no-break space before it), so a narrow screen never starts a line with "· ". */}
									<span className="min-w-0 font-semibold break-words">
										{post.title}
										{post.product ? <span className="text-sm font-normal text-stone-500">{`\u00a0· ${post.product.name}`}</span> : null}
									</span>
									<span className="ml-auto text-sm text-stone-600">{t(`photoPosts.status.${post.status}`)}</span>
								</div>
								{post.status === 'failed' ? (
									<p className="rounded-lg bg-red-50 p-2 text-sm text-red-800" role="alert">
										{t(`studio-templates:photoPost.errors.${post.errorCode ?? 'unexpected'}`, { ...post.errorParams, defaultValue: t('photoPosts.errors.unexpected') })}
									</p>
								) : null}
								{post.outputs.length > 0 ? (
									<ul className="grid grid-cols-3 gap-2 sm:grid-cols-6">
										{post.outputs
											.filter((output) => output.variant === 'facebook')
											.map((output) => (
												<li key={output.key}>
													<a href={`/studio/photo-posts/${post.id}/files/${output.key.split('/').pop()}`} download className="block" data-testid="photo-post-file">
														<img
															src={`/studio/photo-posts/${post.id}/files/${output.key.split('/').pop()}?size=preview`}
															width={PREVIEW_WIDTH}
															height={Math.round((PREVIEW_WIDTH * output.height) / output.width)}
															alt={t('photoPosts.fileAlt', { n: output.position, format: t(`studio-templates:photoPost.formats.${output.format}`) })}
															className="w-full rounded bg-stone-100 object-contain"
															style={{ aspectRatio: `${output.width} / ${output.height}` }}
															loading="lazy"
														/>
														<span className="block text-xs text-stone-600">
															{output.position} · {t(`studio-templates:photoPost.formats.${output.format}`)}
														</span>
													</a>
												</li>
											))}
									</ul>
								) : null}
								{post.outputs.some((output) => output.variant === 'zalo') ? (
									<details className="mt-2 text-sm">
										<summary className="cursor-pointer text-tea-700">{t('photoPosts.zaloFiles')}</summary>
										<ul className="mt-1 space-y-1">
											{post.outputs
												.filter((output) => output.variant === 'zalo')
												.map((output) => (
													<li key={output.key}>
														<a className="underline" href={`/studio/photo-posts/${post.id}/files/${output.key.split('/').pop()}`} download>
															{output.position} · {t(`studio-templates:photoPost.formats.${output.format}`)} ({Math.round(output.bytes / 1024)} KB)
														</a>
													</li>
												))}
										</ul>
									</details>
								) : null}
							</li>
						))}
					</ul>
				)}
			</section>
		</div>
	)
}

function LatestRender({ latest }: { latest: { status: string; quality: string; progress: number; handedOffAt: Date | string | null } }) {
	const { t } = useTranslation('studio-screen')
	if (latest.handedOffAt) return <span className="font-medium text-tea-800">{t('renders.readyForScheduling')}</span>
	const status = t(`renders.status.${latest.status}`)
	const quality = t(`renders.quality.${latest.quality}`)
	return (
		<span className={latest.status === 'failed' ? 'text-red-700' : 'text-stone-700'}>
			{quality}: {status}
			{isActiveRenderStatus(latest.status) ? ` ${latest.progress}%` : ''}
		</span>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary back="studio" />
}
