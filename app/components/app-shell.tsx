import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ShellContext } from '~/utils/shell.server.ts'
import { NotificationBell } from './notification-bell.tsx'

const navItems = [
	{ to: '/', key: 'nav.home' },
	{ to: '/library', key: 'nav.library' },
	{ to: '/products', key: 'nav.products' },
	{ to: '/orders', key: 'nav.orders' },
	{ to: '/studio', key: 'nav.studio' },
	{ to: '/posts', key: 'nav.posts' },
	{ to: '/calendar', key: 'nav.calendar' },
	{ to: '/results', key: 'nav.results' },
	{ to: '/channels', key: 'nav.channels' },
	{ to: '/live', key: 'nav.live' },
	{ to: '/links', key: 'nav.links' },
	{ to: '/coop', key: 'nav.coop' },
	{ to: '/account', key: 'auth:nav.account' },
] as const

// On a phone the destinations sit behind one labelled "Menu" button in the
// header, every one of them in a single list when it opens; from the sm
// breakpoint up they fit in a row (docs/decisions/135-phone-navigation.md).

export function AppShell({ shell, children }: { shell: ShellContext; children: React.ReactNode }) {
	const { t } = useTranslation()
	const signedIn = Boolean(shell.user && shell.coop)
	return (
		<div className="min-h-dvh">
			<header className="sticky top-0 z-20 border-b border-stone-200 bg-white/95 backdrop-blur">
				<div className="mx-auto flex max-w-6xl items-center gap-2 px-3 py-2">
					<Link to="/" className="shrink-0 text-lg font-bold text-tea-700">
						{t('appName')}
					</Link>
					{shell.coop ? (
						<span className="hidden min-w-0 truncate text-sm text-stone-500 sm:inline" data-testid="active-coop">
							{shell.coop.name}
						</span>
					) : null}
					<div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-2">
						{signedIn && shell.user ? <NotificationBell userId={shell.user.id} unread={shell.unreadNotifications} /> : null}
						<LanguageSwitch />
						{shell.user ? (
							<LogoutButton className={signedIn ? 'hidden sm:block' : undefined} />
						) : (
							<Link className="btn-primary px-3" to="/login">
								{t('nav.login')}
							</Link>
						)}
						{signedIn ? <PhoneMenu shell={shell} /> : null}
					</div>
				</div>
				{signedIn ? (
					<nav className="mx-auto hidden max-w-6xl gap-1 px-2 pb-2 sm:flex sm:flex-wrap" aria-label={t('nav.label')}>
						<Destinations shell={shell} linkClass="rounded-full px-4 py-2 text-sm font-medium whitespace-nowrap" />
					</nav>
				) : null}
			</header>
			<main className="mx-auto max-w-6xl px-3 py-4 sm:px-4">{children}</main>
		</div>
	)
}

/** Every place the signed-in person can go, as links; the queue dashboard only for those allowed to open it. */
function Destinations({ shell, linkClass }: { shell: ShellContext; linkClass: string }) {
	const { t } = useTranslation()
	return (
		<>
			{navItems.map((item) => (
				<NavLink
					key={item.to}
					to={item.to}
					end={item.to === '/'}
					className={({ isActive }) => `${linkClass} ${isActive ? 'bg-tea-600 text-white' : 'text-stone-700 hover:bg-stone-100'}`}
				>
					{t(item.key)}
				</NavLink>
			))}
			{shell.canOpenQueues ? (
				<a href="/admin/queues" className={`${linkClass} text-stone-700 hover:bg-stone-100`}>
					{t('nav.queues')}
				</a>
			) : null}
		</>
	)
}

function LogoutButton({ className }: { className?: string }) {
	const { t } = useTranslation()
	return (
		<Form method="post" action="/logout" className={className}>
			<button className="btn-secondary w-full px-3" type="submit">
				{t('nav.logout')}
			</button>
		</Form>
	)
}

/**
 * The phone's menu: a button that says "Menu", and under the header a list
 * of every destination, the active co-op's name and "Đăng xuất". Opening
 * moves focus to the first link; Escape or a tap outside closes it and gives
 * focus back to the button; following a link closes it.
 */
function PhoneMenu({ shell }: { shell: ShellContext }) {
	const { t } = useTranslation()
	const [open, setOpen] = useState(false)
	const panelId = useId()
	const button = useRef<HTMLButtonElement>(null)
	const panel = useRef<HTMLDivElement>(null)
	const location = useLocation()

	useEffect(() => setOpen(false), [location.pathname, location.search])
	useEffect(() => {
		if (!open) return
		panel.current?.querySelector<HTMLElement>('a, button')?.focus()
		const close = () => {
			setOpen(false)
			button.current?.focus()
		}
		const onKey = (event: KeyboardEvent) => {
			if (event.key === 'Escape') close()
		}
		const onPointer = (event: PointerEvent) => {
			const target = event.target as Node
			if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false)
		}
		document.addEventListener('keydown', onKey)
		document.addEventListener('pointerdown', onPointer)
		return () => {
			document.removeEventListener('keydown', onKey)
			document.removeEventListener('pointerdown', onPointer)
		}
	}, [open])

	return (
		<div className="sm:hidden">
			<button
				ref={button}
				type="button"
				className="btn-secondary gap-1 px-3"
				aria-expanded={open}
				aria-controls={panelId}
				onClick={() => setOpen((was) => !was)}
				data-testid="menu-button"
			>
				<span aria-hidden>{open ? '✕' : '☰'}</span>
				{t('nav.menu')}
			</button>
			<div
				ref={panel}
				id={panelId}
				hidden={!open}
				className="absolute inset-x-0 top-full max-h-[calc(100dvh-4rem)] overflow-y-auto border-b border-stone-200 bg-white p-3 shadow-lg"
			>
				{shell.coop ? <p className="mb-2 px-3 text-sm break-words text-stone-500">{shell.coop.name}</p> : null}
				<nav className="grid grid-cols-2 gap-1" aria-label={t('nav.label')}>
					<Destinations shell={shell} linkClass="flex min-h-11 items-center rounded-lg px-3 text-base font-medium" />
				</nav>
				<LogoutButton className="mt-3" />
			</div>
		</div>
	)
}

function LanguageSwitch() {
	const { t, i18n } = useTranslation()
	const location = useLocation()
	const other = i18n.language === 'vi' ? 'en' : 'vi'
	return (
		<Form method="post" action="/language">
			<input type="hidden" name="lng" value={other} />
			<input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
			<button type="submit" className="btn-secondary px-3" aria-label={`${other.toUpperCase()} · ${t(`language.${other}`)}`} data-testid="language-switch" title={t('language.label')}>
				{other.toUpperCase()}
			</button>
		</Form>
	)
}
