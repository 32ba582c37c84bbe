import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ShellContext } from '~/utils/shell.server.ts'

const navItems = [
	{ to: '/library', key: 'nav.library' },
	{ to: '/products', key: 'nav.products' },
	{ to: '/studio', key: 'nav.studio' },
	{ to: '/coop', key: 'nav.coop' },
	{ to: '/account', key: 'auth:nav.account' },
] as const

export function AppShell({ shell, children }: { shell: ShellContext; children: React.ReactNode }) {
	const { t } = useTranslation()
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
						<LanguageSwitch />
						{shell.user ? (
							<Form method="post" action="/logout">
								<button className="btn-secondary px-3" type="submit">
									{t('nav.logout')}
								</button>
							</Form>
						) : (
							<Link className="btn-primary px-3" to="/login">
								{t('nav.login')}
							</Link>
						)}
					</div>
				</div>
				{shell.user && shell.coop ? (
					<nav className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 pb-2" aria-label="main">
						{navItems.map((item) => (
							<NavLink
								key={item.to}
								to={item.to}
								className={({ isActive }) =>
									`rounded-full px-4 py-2 text-sm font-medium whitespace-nowrap ${isActive ? 'bg-tea-600 text-white' : 'text-stone-700 hover:bg-stone-100'}`
								}
							>
								{t(item.key)}
							</NavLink>
						))}
						{shell.canOpenQueues ? (
							<a href="/admin/queues" className="rounded-full px-4 py-2 text-sm font-medium whitespace-nowrap text-stone-700 hover:bg-stone-100">
								{t('nav.queues')}
							</a>
						) : null}
					</nav>
				) : null}
			</header>
			<main className="mx-auto max-w-6xl px-3 py-4 sm:px-4">{children}</main>
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
