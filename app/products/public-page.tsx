import type { MetaDescriptor } from '@remix-run/node'
import { useTranslation } from 'react-i18next'
import { zaloHref } from '~/accounts/coop-contact.ts'
import { HONEYPOT_FIELD, ORDER_QTY_MAX, ORDER_QTY_MIN, type WebOrderField } from '~/orders/web-order-form.ts'
import { formatDay } from '~/utils/coop-time.ts'
import { isLanguage } from '~/utils/i18n.ts'
import { formatVnd } from '~/utils/money.ts'
import { certificationLabel } from './certification-label.ts'
import { OG_IMAGE, publicImageUrl, publicSrcSet } from './public-image-urls.ts'
import type { PublicPage } from './public-product.server.ts'

// The public product and batch pages (/p/:slug, /b/:slug): server-rendered
// HTML with no client script; the order form is a plain POST to the page
// itself (docs/decisions/185). Kept small: one photo at the right size first,
// the others lazy, the video only on demand.

export type OrderFormState = {
	errors?: Partial<Record<WebOrderField, string>>
	typed?: Partial<Record<WebOrderField, string>>
	limited?: boolean
}

/** Open Graph and Twitter tags so that a share on Facebook or Zalo shows the picture, name and price. */
export function publicPageMeta(page: PublicPage | undefined, pageUrl: string, origin: string): MetaDescriptor[] {
	if (!page) return [{ title: 'Co-op Studio' }]
	const title = page.batchPage ? `${page.name} · ${page.batchPage.code}` : page.name
	const price = `${formatVnd(page.priceVnd)} / ${page.unit}`
	const description = `${price} · ${page.coop.name}, ${page.coop.province}. ${page.description}`.slice(0, 200).trim()
	const cover = page.photoIds[0]
	const tags: MetaDescriptor[] = [
		{ title: `${title} · ${page.coop.name}` },
		{ name: 'description', content: description },
		{ property: 'og:type', content: 'product' },
		{ property: 'og:title', content: title },
		{ property: 'og:description', content: description },
		{ property: 'og:url', content: pageUrl },
		{ property: 'og:site_name', content: page.coop.name },
		{ property: 'og:locale', content: 'vi_VN' },
		{ property: 'product:price:amount', content: String(page.priceVnd) },
		{ property: 'product:price:currency', content: 'VND' },
		{ name: 'twitter:card', content: cover ? 'summary_large_image' : 'summary' },
		{ name: 'twitter:title', content: title },
		{ name: 'twitter:description', content: description },
	]
	if (cover) {
		const image = origin + publicImageUrl(page.slug, cover, { kind: 'og' })
		tags.push(
			{ property: 'og:image', content: image },
			{ property: 'og:image:type', content: 'image/jpeg' },
			{ property: 'og:image:width', content: String(OG_IMAGE.width) },
			{ property: 'og:image:height', content: String(OG_IMAGE.height) },
			{ property: 'og:image:alt', content: page.name },
			{ name: 'twitter:image', content: image },
		)
	}
	return tags
}

export function PublicProductPage({ page, form }: { page: PublicPage; form: OrderFormState | undefined }) {
	const { t, i18n } = useTranslation('shop')
	const lng = isLanguage(i18n.language) ? i18n.language : 'vi'
	const batch = page.batchPage
	const facts: [string, React.ReactNode][] = []
	if (batch) facts.push([t('batchCode'), batch.code])
	const growingArea = batch?.growingArea ?? page.growingArea
	const producerGroup = batch?.producerGroup ?? page.producerGroup
	const harvestDay = batch ? batch.harvestDay : page.harvestDay
	if (growingArea) facts.push([t('products:traceability.growingArea'), growingArea])
	if (producerGroup) facts.push([t('products:traceability.producerGroup'), producerGroup])
	if (!batch && page.batch) facts.push([t('products:traceability.batch'), page.batch])
	if (harvestDay) facts.push([t('products:traceability.harvestDay'), formatDay(harvestDay, lng)])
	if (page.certifications.length) {
		facts.push([t('products:traceability.certifications'), page.certifications.map((tag) => certificationLabel(t, tag)).join(' · ')])
	}
	const [cover, ...others] = page.photoIds
	return (
		<main className="mx-auto max-w-xl bg-white pb-8" data-testid="public-product">
			{cover ? (
				<img
					src={publicImageUrl(page.slug, cover, { kind: 'webp', width: 720 })}
					srcSet={publicSrcSet(page.slug, cover)}
					sizes="(max-width: 576px) 100vw, 576px"
					alt={t('photoAlt', { name: page.name, index: 1 })}
					width={720}
					height={540}
					className="aspect-[4/3] w-full object-cover"
					fetchPriority="high"
				/>
			) : null}
			<div className="px-4">
				<p className="mt-3 text-sm text-stone-600">
					{t('from')} <strong>{page.coop.name}</strong> · {page.coop.province}
				</p>
				<h1 className="mt-1 text-2xl font-bold">{page.name}</h1>
				{batch ? <p className="text-tea-700 font-semibold">{t('batchTitle', { code: batch.code })}</p> : null}
				<p className="mt-1 text-xl font-semibold text-tea-700" data-testid="public-price">
					{t('products:list.pricePerUnit', { price: formatVnd(page.priceVnd, lng), unit: page.unit })}
				</p>
				<p className="mt-3 flex flex-wrap gap-2">
					<a className="btn-primary" href="#order">
						{t('form.title')}
					</a>
					{page.coop.phone ? (
						<a className="btn-secondary" href={`tel:${page.coop.phone}`}>
							{t('call', { phone: page.coop.phone })}
						</a>
					) : null}
					{page.coop.zalo ? (
						<a className="btn-secondary" href={zaloHref(page.coop.zalo)} rel="noreferrer">
							{t('zalo')}
						</a>
					) : null}
				</p>

				{batch ? (
					<section className="mt-5" data-testid="batch-facts">
						<p className="text-sm text-stone-600">{t('batchIntro')}</p>
						{batch.note ? (
							<>
								<h2 className="mt-2 font-semibold">{t('batchNote')}</h2>
								<p className="whitespace-pre-line">{batch.note}</p>
							</>
						) : null}
						<a className="mt-2 inline-block text-sm text-tea-700 underline" href={`/p/${page.slug}`}>
							{t('seeProduct')}
						</a>
					</section>
				) : null}

				{facts.length ? (
					<section className="mt-5">
						<h2 className="mb-2 text-lg font-semibold">{t('origin')}</h2>
						<dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="traceability">
							{facts.map(([label, value]) => (
								<div key={label} className="contents">
									<dt className="text-stone-600">{label}</dt>
									<dd className="font-medium">{value}</dd>
								</div>
							))}
						</dl>
					</section>
				) : null}

				{page.description ? (
					<section className="mt-5">
						<h2 className="mb-2 text-lg font-semibold">{t('story')}</h2>
						<p className="whitespace-pre-line">{page.description}</p>
					</section>
				) : null}

				{others.length ? (
					<ul className="mt-5 grid grid-cols-2 gap-2">
						{others.map((id, index) => (
							<li key={id}>
								<img
									src={publicImageUrl(page.slug, id, { kind: 'webp', width: 360 })}
									srcSet={publicSrcSet(page.slug, id)}
									sizes="(max-width: 576px) 50vw, 288px"
									alt={t('photoAlt', { name: page.name, index: index + 2 })}
									width={360}
									height={360}
									loading="lazy"
									className="aspect-square w-full rounded-lg object-cover"
								/>
							</li>
						))}
					</ul>
				) : null}

				{page.hasVideo ? (
					<section className="mt-5">
						<h2 className="mb-2 text-lg font-semibold">{t('video')}</h2>
						{/* preload="none": nothing is downloaded until the person presses play. */}
						<video
							controls
							preload="none"
							playsInline
							className="w-full rounded-lg bg-black"
							src={`/p/${page.slug}/video`}
							poster={cover ? publicImageUrl(page.slug, cover, { kind: 'webp', width: 360 }) : undefined}
						/>
					</section>
				) : null}

				<OrderForm page={page} form={form} />
			</div>
		</main>
	)
}

function OrderForm({ page, form }: { page: PublicPage; form: OrderFormState | undefined }) {
	const { t } = useTranslation('shop')
	const errors = form?.errors ?? {}
	const typed = form?.typed ?? {}
	const hasErrors = Object.keys(errors).length > 0
	const field = (name: WebOrderField) => ({
		id: `order-${name}`,
		name,
		defaultValue: typed[name],
		'aria-invalid': errors[name] ? true : undefined,
		'aria-describedby': errors[name] ? `order-${name}-error` : undefined,
	})
	const error = (name: WebOrderField) =>
		errors[name] ? (
			<p id={`order-${name}-error`} className="field-error">
				{t(errors[name])}
			</p>
		) : null
	const payment = typed.payment === 'bank-transfer' && page.coop.bankTransfer ? 'bank-transfer' : 'cod'
	return (
		<section id="order" className="card mt-6" aria-labelledby="order-title">
			<h2 id="order-title" className="text-lg font-semibold">
				{t('form.title')}
			</h2>
			<p className="mb-3 text-sm text-stone-600">{t('form.intro')}</p>
			{hasErrors || form?.limited ? (
				<p role="alert" className="mb-3 rounded-lg bg-red-50 p-3 text-sm text-red-800" data-testid="order-problems">
					{form?.limited ? t('form.limited') : t('form.problems')}
				</p>
			) : null}
			<form method="post" data-testid="order-form">
				<div className="mb-3">
					<label className="field-label" htmlFor="order-name">
						{t('form.name')}
					</label>
					<input className="field-input" type="text" autoComplete="name" maxLength={120} required {...field('name')} />
					{error('name')}
				</div>
				<div className="mb-3">
					<label className="field-label" htmlFor="order-phone">
						{t('form.phone')}
					</label>
					<input className="field-input" type="tel" inputMode="tel" autoComplete="tel" placeholder={t('form.phoneHint')} required {...field('phone')} />
					{error('phone')}
				</div>
				<div className="mb-3">
					<label className="field-label" htmlFor="order-address">
						{t('form.address')}
					</label>
					<textarea className="field-input" rows={2} autoComplete="street-address" placeholder={t('form.addressHint')} required {...field('address')} />
					{error('address')}
				</div>
				<div className="mb-3">
					<label className="field-label" htmlFor="order-qty">
						{t('form.qty', { unit: page.unit })}
					</label>
					<input
						className="field-input"
						type="number"
						inputMode="numeric"
						min={ORDER_QTY_MIN}
						max={ORDER_QTY_MAX}
						required
						{...field('qty')}
						defaultValue={typed.qty ?? '1'}
					/>
					{error('qty')}
				</div>
				<div className="mb-3">
					<label className="field-label" htmlFor="order-note">
						{t('form.note')}
					</label>
					<textarea className="field-input" rows={2} {...field('note')} />
					{error('note')}
				</div>
				<fieldset className="mb-4">
					<legend className="field-label">{t('form.payment')}</legend>
					<label className="flex min-h-11 items-center gap-2">
						<input type="radio" name="payment" value="cod" defaultChecked={payment === 'cod'} />
						{t('form.cod')}
					</label>
					{page.coop.bankTransfer ? (
						<label className="flex min-h-11 items-center gap-2">
							<input type="radio" name="payment" value="bank-transfer" defaultChecked={payment === 'bank-transfer'} />
							{t('form.bankTransfer')}
						</label>
					) : null}
					{error('payment')}
				</fieldset>
				{/* The honeypot: off screen, out of the tab order and hidden from screen readers. */}
				<div aria-hidden="true" style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}>
					<label htmlFor={`order-${HONEYPOT_FIELD}`}>{t('form.honeypot')}</label>
					<input id={`order-${HONEYPOT_FIELD}`} type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
				</div>
				<button type="submit" className="btn-primary w-full">
					{t('form.submit')}
				</button>
			</form>
		</section>
	)
}
