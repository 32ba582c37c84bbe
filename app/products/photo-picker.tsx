import { Link } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorLine } from '~/components/forms.tsx'
import { MAX_PHOTOS } from './schema.ts'
import { thumbnailUrl } from './thumbnails.ts'
import type { PickablePhoto } from './view.ts'

type PhotoPickerProps = {
	/** Form field name; one hidden input per chosen photo, in order. */
	name: string
	library: PickablePhoto[]
	initial: string[]
	errors?: string[]
}

function move<T>(list: T[], from: number, to: number): T[] {
	const next = [...list]
	const [item] = next.splice(from, 1)
	next.splice(to, 0, item)
	return next
}

/**
 * Chosen photos in order (the first is the cover) with up/down/remove
 * buttons, and a grid of the library's photos to choose from. Buttons rather
 * than drag and drop: they work with a thumb on a small screen and with a
 * screen reader.
 */
export function PhotoPicker({ name, library, initial, errors }: PhotoPickerProps) {
	const { t } = useTranslation('products')
	const [chosen, setChosen] = useState(initial)
	const [open, setOpen] = useState(false)
	const names = new Map(library.map((photo) => [photo.id, photo.displayName]))
	const full = chosen.length >= MAX_PHOTOS

	function toggle(id: string) {
		setChosen((current) => (current.includes(id) ? current.filter((c) => c !== id) : [...current, id]))
	}

	return (
		<section className="card mb-4" aria-labelledby="photos-title">
			<h2 id="photos-title" className="mb-1 text-lg font-semibold">
				{t('photos.title')}
			</h2>
			<p className="mb-3 text-sm text-stone-600">{t('photos.intro')}</p>
			{chosen.map((id) => (
				<input key={id} type="hidden" name={name} value={id} />
			))}
			{chosen.length ? (
				<ol className="mb-3 space-y-2" data-testid="chosen-photos">
					{chosen.map((id, index) => (
						<li key={id} className="flex items-center gap-3 rounded-lg border border-stone-200 p-2">
							<img src={thumbnailUrl(id)} alt={names.get(id) ?? ''} className="size-16 shrink-0 rounded object-cover" />
							<div className="min-w-0 flex-1">
								<p className="truncate text-sm">{names.get(id) ?? ''}</p>
								{index === 0 ? (
									<span className="rounded-full bg-tea-600 px-2 py-0.5 text-xs font-semibold text-white">{t('photos.cover')}</span>
								) : null}
							</div>
							<div className="flex shrink-0 gap-1">
								<button
									type="button"
									className="btn-secondary px-3"
									onClick={() => setChosen((c) => move(c, index, index - 1))}
									disabled={index === 0}
									aria-label={t('photos.moveUp')}
									title={t('photos.moveUp')}
								>
									↑
								</button>
								<button
									type="button"
									className="btn-secondary px-3"
									onClick={() => setChosen((c) => move(c, index, index + 1))}
									disabled={index === chosen.length - 1}
									aria-label={t('photos.moveDown')}
									title={t('photos.moveDown')}
								>
									↓
								</button>
								<button
									type="button"
									className="btn-secondary px-3"
									onClick={() => toggle(id)}
									aria-label={t('photos.remove')}
									title={t('photos.remove')}
								>
									✕
								</button>
							</div>
						</li>
					))}
				</ol>
			) : (
				<p className="mb-3 text-sm text-stone-500">{t('photos.noneSelected')}</p>
			)}
			<ErrorLine className="mb-3" message={errors?.length ? errors.map((e) => t(e)).join(' ') : null} />
			{library.length === 0 ? (
				<p className="rounded-lg bg-stone-100 p-3 text-sm" data-testid="library-empty">
					{t('photos.libraryEmpty')}{' '}
					<Link to="/library" className="font-semibold text-tea-700 underline">
						{t('photos.uploadLink')}
					</Link>
				</p>
			) : (
				<>
					<button type="button" className="btn-secondary w-full sm:w-auto" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
						{open ? t('photos.closePicker') : t('photos.choose')}
					</button>
					{open ? (
						<div className="mt-3">
							{full ? <p className="mb-2 text-sm text-stone-600">{t('photos.limit', { max: MAX_PHOTOS })}</p> : null}
							<ul className="grid grid-cols-3 gap-2 sm:grid-cols-5" aria-label={t('photos.pickerLabel')}>
								{library.map((photo) => {
									const selected = chosen.includes(photo.id)
									return (
										<li key={photo.id}>
											<button
												type="button"
												onClick={() => toggle(photo.id)}
												aria-pressed={selected}
												disabled={!selected && full}
												className={`relative block aspect-square w-full overflow-hidden rounded-lg ring-2 disabled:opacity-40 ${selected ? 'ring-tea-600' : 'ring-transparent'}`}
											>
												<img src={thumbnailUrl(photo.id)} alt={photo.displayName} loading="lazy" className="size-full object-cover" />
												{selected ? (
													<span className="absolute top-1 right-1 rounded-full bg-tea-600 px-2 text-xs font-bold text-white">
														{chosen.indexOf(photo.id) + 1}
													</span>
												) : null}
											</button>
										</li>
									)
								})}
							</ul>
						</div>
					) : null}
				</>
			)}
		</section>
	)
}
