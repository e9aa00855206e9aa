import { CURRENT_CONSENTS } from '@sutiao/domain/consents.ts';
import { isValidIdNumber } from '@sutiao/domain/id-number.ts';
import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import { Alert, Button, Checkbox, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { AuthShell } from '../components/auth-shell.tsx';
import { usePageTitle } from '../components/page-title.tsx';
import { NewPasswordFields } from '../components/new-password-fields.tsx';
import { useI18n } from '../i18n/index.ts';
import { useSession } from '../session.tsx';

interface RegisterForm {
  username: string;
  displayName: string;
  idNumber: string;
  phone: string;
  email?: string;
  password: string;
  confirm: string;
  consent: boolean;
}

const NOTICE = CURRENT_CONSENTS['personal-data'];

export default function RegisterPage() {
  const { t } = useI18n();
  const { signUp, me } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<RegisterForm>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  usePageTitle(t('register.title'));

  useEffect(() => {
    if (me) navigate('/', { replace: true });
  }, [me, navigate]);

  const onFinish = async (values: RegisterForm) => {
    setSubmitting(true);
    setError(null);
    try {
      await signUp({
        username: values.username.trim(),
        password: values.password,
        displayName: values.displayName.trim(),
        idNumber: values.idNumber.trim(),
        phone: values.phone.trim(),
        ...(values.email?.trim() ? { email: values.email.trim() } : {}),
        consentVersion: NOTICE.version,
      });
    } catch (cause) {
      const text = cause instanceof ApiError ? cause.message : t('error.generic');
      // A weak password belongs to its field; anything else (duplicate account, validation) above the form.
      if (cause instanceof ApiError && cause.code === 'PASSWORD_TOO_WEAK') {
        form.setFields([{ name: 'password', errors: [text] }]);
      } else {
        setError(text);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthShell title={t('register.title')} width={520}>
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<RegisterForm> form={form} layout="vertical" onFinish={onFinish} name="register">
        <Form.Item
          label={t('login.username')}
          name="username"
          extra={t('register.usernameHint')}
          rules={[
            { required: true, whitespace: true, message: t('login.usernameRequired') },
            { pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: t('register.usernameHint') },
          ]}
        >
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('register.displayName')}
          name="displayName"
          rules={[
            { required: true, whitespace: true, message: t('register.displayNameRequired') },
            // One rule per reason: a long name is told it is too long, not asked to enter a name.
            { max: INPUT_LIMITS.displayName, message: t('form.tooLong', { max: INPUT_LIMITS.displayName }) },
          ]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          label={t('register.idNumber')}
          name="idNumber"
          rules={[
            { required: true, message: t('register.idNumberInvalid') },
            {
              validator: (_, value: string | undefined) =>
                !value || isValidIdNumber(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('register.idNumberInvalid'))),
            },
          ]}
        >
          <Input autoComplete="off" maxLength={18} />
        </Form.Item>
        <Form.Item
          label={t('register.phone')}
          name="phone"
          rules={[
            { required: true, message: t('register.phoneInvalid') },
            { pattern: /^1[3-9]\d{9}$/, message: t('register.phoneInvalid') },
          ]}
        >
          <Input autoComplete="tel" inputMode="numeric" maxLength={11} />
        </Form.Item>
        <Form.Item
          label={t('register.email')}
          name="email"
          rules={[{ type: 'email', message: t('register.emailInvalid') }]}
        >
          <Input autoComplete="email" type="email" />
        </Form.Item>
        <NewPasswordFields name="password" labelKey="login.password" confirmLabelKey="register.confirm" />
        <section
          aria-labelledby="personal-data-notice"
          style={{
            background: '#f8fafc',
            border: '1px solid #e5e7eb',
            borderRadius: 6,
            padding: 12,
            marginBottom: 12,
          }}
        >
          <h2 id="personal-data-notice" style={{ fontSize: 15, margin: '0 0 6px' }}>
            {t('register.noticeTitle')}
          </h2>
          <p lang="zh-CN" style={{ margin: 0, lineHeight: 1.7 }} data-testid="personal-data-notice">
            {NOTICE.text}
          </p>
        </section>
        <Form.Item
          name="consent"
          valuePropName="checked"
          rules={[
            {
              validator: (_, value: boolean | undefined) =>
                value ? Promise.resolve() : Promise.reject(new Error(t('register.consentRequired'))),
            },
          ]}
        >
          <Checkbox>{t('register.consent')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t('register.submit')}
        </Button>
      </Form>
      <p style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/login">{t('register.haveAccount')}</Link>
      </p>
    </AuthShell>
  );
}
