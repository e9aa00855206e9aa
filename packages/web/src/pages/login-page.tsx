import { Alert, Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { AuthShell } from '../components/auth-shell.tsx';
import { usePageTitle } from '../components/page-title.tsx';
import { useI18n } from '../i18n/index.ts';
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
    <AuthShell title={t('login.title')}>
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
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} /> : null}
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
      <p style={{ marginTop: 16, marginBottom: 0, display: 'flex', justifyContent: 'space-between' }}>
        <Link to="/verify">{t('verify.title')}</Link>
        {platform === 'mediation' ? <Link to="/portal">{t('portal.link')}</Link> : null}
        {platform === 'mediation' ? <Link to="/register">{t('register.link')}</Link> : null}
      </p>
    </AuthShell>
  );
}
