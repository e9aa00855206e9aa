import { Button, Layout, Menu, Space } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { labelOf, ROLE } from '../domain-labels.ts';
import { useI18n } from '../i18n/index.ts';
import { PLATFORM_LOOK } from '../platform.ts';
import { useMe, useSession } from '../session.tsx';
import { ScalesIcon } from './icons.tsx';
import { InboxBell } from './inbox-bell.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { NAV_ITEMS, visibleNavItems } from './nav-items.ts';

/** The menu item the page belongs to: the longest menu path that is the page's path or a parent of it. */
function selectedKey(pathname: string): string {
  let best = '/';
  for (const { path } of NAV_ITEMS) {
    if (path === '/' || path.length <= best.length) continue;
    if (pathname === path || pathname.startsWith(`${path}/`)) best = path;
  }
  return best;
}

export function AppLayout() {
  const { t, lang } = useI18n();
  const { platform, signOut } = useSession();
  const me = useMe();
  const location = useLocation();
  const look = PLATFORM_LOOK[platform];
  const roles = me.user.roles.map((role) => labelOf(ROLE, role, lang)).join('、');

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
          gap: 16,
          paddingInline: 20,
        }}
      >
        <Link
          to="/"
          style={{ color: '#fff', display: 'flex', alignItems: 'center', gap: 10, flex: 1, minWidth: 0 }}
        >
          <ScalesIcon />
          <span
            data-testid="platform-name"
            style={{
              fontSize: 17,
              fontWeight: 600,
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
            }}
          >
            {t(look.nameKey)} — {t('app.name')}
          </span>
        </Link>
        <Space size="middle" style={{ color: '#fff' }}>
          <span
            data-testid="current-user"
            style={{ lineHeight: 1.3, textAlign: 'right', display: 'inline-block' }}
          >
            <span style={{ fontWeight: 600 }}>{me.user.displayName}</span>
            <br />
            <span style={{ fontSize: 12 }}>{roles}</span>
          </span>
          <Link to="/account/password" style={{ color: '#fff', textDecoration: 'underline' }}>
            {t('nav.changePassword')}
          </Link>
          <LanguageSwitch onDark />
          <InboxBell />
          <Button onClick={() => void signOut()}>{t('nav.signOut')}</Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          width={200}
          theme="light"
          breakpoint="md"
          collapsedWidth={0}
          style={{ background: '#fff' }}
        >
          <nav aria-label={t('nav.main')}>
            <Menu
              mode="inline"
              selectedKeys={[selectedKey(location.pathname)]}
              style={{ borderInlineEnd: 0, paddingTop: 8 }}
              items={visibleNavItems(me, platform).map((item) => ({
                key: item.path,
                label: <Link to={item.path}>{t(item.labelKey)}</Link>,
              }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content id="main-content" tabIndex={-1} style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
