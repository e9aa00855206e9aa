import { Button, Layout } from 'antd';
import { Link, Outlet } from 'react-router-dom';
import { useI18n } from '../i18n/index.ts';
import { PLATFORM_LOOK } from '../platform.ts';
import { useElderlyMode } from '../elderly-mode.tsx';
import { useSession } from '../session.tsx';
import { ScalesIcon } from './icons.tsx';
import { LanguageSwitch } from './language-switch.tsx';

/** Header + main for pages anyone may open: the investors' portal, public figures, document verification. */
export function PublicLayout() {
  const { t } = useI18n();
  const { platform, me } = useSession();
  const look = PLATFORM_LOOK[platform];
  const elderly = useElderlyMode();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: look.headerBg,
          color: '#fff',
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          paddingInline: 24,
        }}
      >
        <ScalesIcon />
        <span style={{ fontSize: 17, fontWeight: 600, flex: 1 }}>
          {t(look.nameKey)} — {t('app.name')}
        </span>
        {platform === 'mediation' ? (
          <Link to="/portal" style={{ color: '#fff', textDecoration: 'underline' }}>
            {t('portal.link')}
          </Link>
        ) : null}
        <Button size="small" aria-pressed={elderly.on} onClick={elderly.toggle}>
          {t('portal.elderly')}
        </Button>
        <LanguageSwitch onDark />
        <Link to={me ? '/' : '/login'} style={{ color: '#fff', textDecoration: 'underline' }}>
          {me ? t('nav.workbench') : t('login.submit')}
        </Link>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 960, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
