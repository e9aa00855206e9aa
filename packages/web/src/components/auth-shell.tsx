import { Layout } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.ts';
import { PLATFORM_LOOK } from '../platform.ts';
import { useSession } from '../session.tsx';
import { ScalesIcon } from './icons.tsx';
import { LanguageSwitch } from './language-switch.tsx';

/** The frame of the signed-out pages (sign-in, registration): platform header, one panel with a heading. */
export function AuthShell({
  title,
  width = 400,
  children,
}: {
  title: string;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { platform } = useSession();
  const look = PLATFORM_LOOK[platform];
  return (
    <Layout style={{ minHeight: '100vh', background: '#f3f4f6' }}>
      <Layout.Header
        style={{ background: look.headerBg, color: '#fff', display: 'flex', alignItems: 'center', gap: 12 }}
      >
        <ScalesIcon />
        <span style={{ fontSize: 17, fontWeight: 600, flex: 1 }}>
          {t(look.nameKey)} — {t('app.name')}
        </span>
        <LanguageSwitch onDark />
      </Layout.Header>
      <Layout.Content
        style={{ display: 'flex', justifyContent: 'center', alignItems: 'flex-start', padding: '48px 16px' }}
      >
        {/* A plain panel in antd Card's look: Card would bring its Tabs (~14 KB gzip) to the sign-in page. */}
        <section
          style={{
            width,
            maxWidth: '100%',
            boxSizing: 'border-box',
            padding: 24,
            background: '#fff',
            border: '1px solid #f0f0f0',
            borderRadius: 8,
          }}
        >
          <h1 style={{ fontSize: 22, marginTop: 0 }}>{title}</h1>
          <p style={{ color: 'rgba(0,0,0,0.7)', marginTop: -4 }}>{t(look.nameKey)}</p>
          {children}
        </section>
      </Layout.Content>
    </Layout>
  );
}
