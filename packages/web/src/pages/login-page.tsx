import { Alert, Button, Card, Form, Input, Layout } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { ScalesIcon } from '../components/icons.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { usePageTitle } from '../components/page-title.tsx';
import { useI18n } from '../i18n/index.ts';
import { PLATFORM_LOOK } from '../platform.ts';
import { useSession } from '../session.tsx';

interface LoginForm {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useI18n();
  const { platform, signIn, me, expiredNotice, clearExpiredNotice } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const look = PLATFORM_LOOK[platform];
  const from = (location.state as { from?: string } | null)?.from;
  const target = from && from !== '/login' ? from : '/';
  usePageTitle(t('login.title'));

  useEffect(() => {
    if (me) navigate(target, { replace: true });
  }, [me, navigate, target]);

  const onFinish = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      await signIn(values.username.trim(), values.password);
      clearExpiredNotice();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : t('error.generic'));
    } finally {
      setSubmitting(false);
    }
  };

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
        <Card style={{ width: 400, maxWidth: '100%' }}>
          <h1 style={{ fontSize: 22, marginTop: 0 }}>{t('login.title')}</h1>
          <p style={{ color: 'rgba(0,0,0,0.7)', marginTop: -4 }}>{t(look.nameKey)}</p>
          {expiredNotice ? (
            <Alert
              type="warning"
              showIcon
              role="status"
              title={t('login.expired')}
              style={{ marginBottom: 16 }}
              data-testid="session-expired"
            />
          ) : null}
          {error ? (
            <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />
          ) : null}
          <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false} name="login">
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              {t('login.submit')}
            </Button>
          </Form>
          <p style={{ marginTop: 16, marginBottom: 0 }}>
            <Link to="/verify">{t('verify.title')}</Link>
          </p>
        </Card>
      </Layout.Content>
    </Layout>
  );
}
