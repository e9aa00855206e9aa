import { Button, Drawer, Grid, Layout, Menu, Space } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { labelOf, ROLE } from '../domain-labels.ts';
import { useI18n } from '../i18n/index.ts';
import { usePageText } from '../i18n/page-text.ts';
import { PLATFORM_LOOK } from '../platform.ts';
import { useMe, useSession } from '../session.tsx';
import { ScalesIcon } from './icons.tsx';
import { InboxBell } from './inbox-bell.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { NAV_ITEMS, visibleNavItems } from './nav-items.ts';

const layoutZh = { openMenu: '打开菜单', closeMenu: '关闭菜单', menu: '菜单' };
const layoutEn: typeof layoutZh = { openMenu: 'Open the menu', closeMenu: 'Close the menu', menu: 'Menu' };

/** The menu item the page belongs to: the longest menu path that is the page's path or a parent of it. */
function selectedKey(pathname: string): string {
  let best = '/';
  for (const { path } of NAV_ITEMS) {
    if (path === '/' || path.length <= best.length) continue;
    if (pathname === path || pathname.startsWith(`${path}/`)) best = path;
  }
  return best;
}

function MenuIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      <path d="M2 4h14M2 9h14M2 14h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The signed-in frame. On a wide screen: the header with the user's controls and the side menu. On a phone (below
 * antd's `md`, 768 px): a labelled menu button opens a drawer with the menu and the user's controls, so nothing
 * is wider than the screen.
 */
export function AppLayout() {
  const { t, lang } = useI18n();
  const { pt } = usePageText(layoutZh, layoutEn);
  const { platform, signOut } = useSession();
  const me = useMe();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  // Before the first measurement `md` is undefined: lay out for a wide screen.
  const narrow = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const look = PLATFORM_LOOK[platform];
  const roles = me.user.roles.map((role) => labelOf(ROLE, role, lang)).join('、');

  // A page opened from the drawer closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => setDrawerOpen(false), [location.pathname]);

  const menu = (
    <nav aria-label={t('nav.main')}>
      <Menu
        mode="inline"
        selectedKeys={[selectedKey(location.pathname)]}
        // Choosing an item closes the drawer, the page already open included.
        onClick={() => setDrawerOpen(false)}
        style={{ borderInlineEnd: 0, paddingTop: 8 }}
        items={visibleNavItems(me, platform).map((item) => ({
          key: item.path,
          label: <Link to={item.path}>{t(item.labelKey)}</Link>,
        }))}
      />
    </nav>
  );
  const user = (
    <span
      data-testid="current-user"
      style={{ lineHeight: 1.3, textAlign: narrow ? 'left' : 'right', display: 'inline-block' }}
    >
      <span style={{ fontWeight: 600 }}>{me.user.displayName}</span>
      <br />
      <span style={{ fontSize: 12 }}>{roles}</span>
    </span>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main-content">
        {t('a11y.skip')}
      </a>
      <Layout.Header
        style={{
          background: look.headerBg,
          color: '#fff',
          display: 'flex',
          alignItems: 'center',
          gap: narrow ? 8 : 16,
          paddingInline: narrow ? 12 : 20,
        }}
      >
        {narrow ? (
          <Button
            type="text"
            onClick={() => setDrawerOpen(true)}
            aria-label={pt('openMenu')}
            aria-expanded={drawerOpen}
            aria-controls="app-drawer"
            icon={<MenuIcon />}
            style={{ color: '#fff' }}
            data-testid="menu-button"
          />
        ) : null}
        <Link
          to="/"
          style={{ color: '#fff', display: 'flex', alignItems: 'center', gap: 10, flex: 1, minWidth: 0 }}
        >
          <ScalesIcon />
          <span
            data-testid="platform-name"
            style={{
              fontSize: narrow ? 15 : 17,
              fontWeight: 600,
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
            }}
          >
            {narrow ? t('app.name') : `${t(look.nameKey)} — ${t('app.name')}`}
          </span>
        </Link>
        {narrow ? (
          <InboxBell />
        ) : (
          <Space size="middle" style={{ color: '#fff' }}>
            {user}
            <Link to="/account/password" style={{ color: '#fff', textDecoration: 'underline' }}>
              {t('nav.changePassword')}
            </Link>
            <LanguageSwitch onDark />
            <InboxBell />
            <Button onClick={() => void signOut()}>{t('nav.signOut')}</Button>
          </Space>
        )}
      </Layout.Header>
      <Layout>
        {narrow ? null : (
          <Layout.Sider width={200} theme="light" style={{ background: '#fff' }}>
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content id="main-content" tabIndex={-1} style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
      {narrow ? (
        <Drawer
          id="app-drawer"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={280}
          title={pt('menu')}
          closable={{ 'aria-label': pt('closeMenu') }}
        >
          {menu}
          <div style={{ padding: '16px 12px', display: 'grid', gap: 12, justifyItems: 'start' }}>
            {user}
            <Link to="/account/password">{t('nav.changePassword')}</Link>
            <LanguageSwitch />
            <Button onClick={() => void signOut()}>{t('nav.signOut')}</Button>
          </div>
        </Drawer>
      ) : null}
    </Layout>
  );
}
