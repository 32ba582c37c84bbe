import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { loadOverlay, type OverlayView } from '~/live/overlay.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { formatVnd } from '~/utils/money.ts'
import { invariantResponse } from '~/utils/responses.server.ts'
import type { RouteHandle } from '~/root.tsx'

// The OBS browser source (issue 13): no sign-in, opened by the secret link;
// transparent, 1080×1920 (?size=portrait) or 1920×1080 (landscape). It
// follows the console over /overlay/:token/events and, while that stream is
// down, re-reads /overlay/:token/state; a failed read keeps what it showed.

export const handle: RouteHandle = { bare: true, transparent: true }

export async function loader({ request, params }: LoaderFunctionArgs) {
	const url = new URL(request.url)
	const view = await loadOverlay(params.token ?? '', getEnv().PUBLIC_URL ?? url.origin)
	invariantResponse(view, 'Not found')
	return { view, token: params.token!, size: url.searchParams.get('size') === 'landscape' ? ('landscape' as const) : ('portrait' as const) }
}

export const meta: MetaFunction = () => [{ title: 'Overlay · Co-op Studio' }, { name: 'robots', content: 'noindex' }]

const SIZES = { portrait: { width: 1080, height: 1920 }, landscape: { width: 1920, height: 1080 } }
const FALLBACK_EVERY_MS = 5000

function useLiveView(token: string, initial: OverlayView) {
	const [view, setView] = useState(initial)
	const [connected, setConnected] = useState(false)
	useEffect(() => {
		let fallback: ReturnType<typeof setInterval> | undefined
		const refetch = () =>
			fetch(`/overlay/${token}/state`, { cache: 'no-store' })
				.then((response) => (response.ok ? (response.json() as Promise<OverlayView>) : null))
				.then((next) => next && setView(next))
				// Offline or a server restart: keep the last good view.
				.catch(() => undefined)
		const source = new EventSource(`/overlay/${token}/events`)
		source.onopen = () => {
			setConnected(true)
			clearInterval(fallback)
			fallback = undefined
		}
		source.onmessage = (message) => {
			try {
				const data = JSON.parse(message.data as string) as { view?: OverlayView }
				if (data.view) setView(data.view)
			} catch {
				// A broken message changes nothing on screen.
			}
		}
		source.onerror = () => {
			setConnected(false)
			// EventSource reconnects by itself; meanwhile the state is read now and then.
			fallback ??= setInterval(refetch, FALLBACK_EVERY_MS)
		}
		return () => {
			source.close()
			clearInterval(fallback)
		}
	}, [token])
	return { view, connected }
}

function ProductPhoto({ token, code }: { token: string; code: string }) {
	// A photo that fails to load is hidden, never shown as a broken white box.
	const [failed, setFailed] = useState(false)
	if (failed) return null
	return (
		<img
			src={`/overlay/${token}/photo?code=${encodeURIComponent(code)}`}
			alt=""
			onError={() => setFailed(true)}
			style={{ width: '100%', height: '100%', objectFit: 'cover', borderRadius: 24, background: 'transparent' }}
		/>
	)
}

export default function OverlayPage() {
	const { view: initial, token, size } = useLoaderData<typeof loader>()
	const { view, connected } = useLiveView(token, initial)
	const { t } = useTranslation('live')
	const box = SIZES[size]
	const portrait = size === 'portrait'
	const panel: React.CSSProperties = { background: 'rgba(12, 20, 10, 0.78)', color: '#fff', borderRadius: 28, padding: 28, boxSizing: 'border-box' }
	const product = view.product
	return (
		<div
			data-testid="overlay"
			data-connected={connected}
			data-product={product?.code ?? ''}
			style={{ position: 'relative', width: box.width, height: box.height, background: 'transparent', fontFamily: 'system-ui, sans-serif', overflow: 'hidden' }}
		>
			{product ? (
				<div
					data-testid="overlay-product"
					style={{ ...panel, position: 'absolute', left: 40, bottom: portrait ? 360 : 40, width: portrait ? 1000 : 900, display: 'flex', gap: 28, alignItems: 'center' }}
				>
					{product.hasPhoto ? (
						<div style={{ width: 220, height: 220, flex: 'none' }}>
							<ProductPhoto key={product.code} token={token} code={product.code} />
						</div>
					) : null}
					<div style={{ minWidth: 0 }}>
						<div style={{ fontSize: 44, fontWeight: 800, letterSpacing: 1 }}>{product.code}</div>
						<div style={{ fontSize: 48, fontWeight: 700, lineHeight: 1.15 }} data-testid="overlay-name">{product.name}</div>
						<div style={{ fontSize: 64, fontWeight: 900, color: '#fde047' }} data-testid="overlay-price">
							{formatVnd(product.priceVnd)}
							{product.unit ? <span style={{ fontSize: 36, fontWeight: 600 }}> / {product.unit}</span> : null}
						</div>
						{view.stock ? (
							<div style={{ fontSize: 34 }} data-testid="overlay-stock">
								{view.stock.opened === null ? t('overlay.sold', { sold: view.stock.sold }) : t('overlay.left', { left: Math.max(0, view.stock.opened - view.stock.sold), opened: view.stock.opened })}
							</div>
						) : null}
					</div>
				</div>
			) : null}
			{view.qr ? (
				<div
					data-testid="overlay-qr"
					style={{ position: 'absolute', right: 40, top: 40, width: portrait ? 300 : 280, background: '#fff', borderRadius: 20, padding: 14, boxSizing: 'border-box' }}
				>
					<div dangerouslySetInnerHTML={{ __html: view.qr.svg }} />
					<div style={{ fontSize: 22, textAlign: 'center', color: '#1c1917', fontWeight: 700 }}>{t(view.qr.kind === 'vietqr' ? 'overlay.scanToPay' : 'overlay.scanToOrder')}</div>
				</div>
			) : null}
			{view.ticker.length > 0 ? (
				<ul
					data-testid="overlay-ticker"
					style={{ ...panel, position: 'absolute', left: 40, right: portrait ? 40 : 360, top: portrait ? undefined : 40, bottom: portrait ? 120 : undefined, margin: 0, listStyle: 'none', fontSize: 34, padding: '16px 28px', display: 'flex', flexDirection: portrait ? 'column' : 'column', gap: 6 }}
				>
					{view.ticker.slice(0, portrait ? 3 : 4).map((entry) => (
						<li key={entry.key}>{t('overlay.ticker', { buyer: entry.buyer || t('overlay.someone'), qty: entry.qty, unit: entry.unit, code: entry.code })}</li>
					))}
				</ul>
			) : null}
		</div>
	)
}

export function ErrorBoundary() {
	// A wrong link in OBS shows nothing rather than a white error page over the live.
	return <div data-testid="overlay-missing" style={{ background: 'transparent' }} />
}
