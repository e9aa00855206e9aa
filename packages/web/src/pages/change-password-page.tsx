import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError, changePassword } from '../api/client.ts';
import { PageHeading } from '../components/page-title.tsx';
import { NewPasswordFields } from '../components/new-password-fields.tsx';
import { useI18n } from '../i18n/index.ts';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Both platforms: the user's own password; other sessions are signed out by the server. */
export default function ChangePasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async (values: PasswordForm) => {
    setSubmitting(true);
    setError(null);
    setDone(false);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      form.resetFields();
      setDone(true);
      void message.success(t('password.changed'));
    } catch (cause) {
      const text = cause instanceof ApiError ? cause.message : t('error.generic');
      if (
        cause instanceof ApiError &&
        (cause.code === 'PASSWORD_REQUIRED' || cause.code === 'PASSWORD_INCORRECT')
      ) {
        form.setFields([{ name: 'currentPassword', errors: [text] }]);
      } else if (cause instanceof ApiError && cause.code === 'PASSWORD_TOO_WEAK') {
        form.setFields([{ name: 'newPassword', errors: [text] }]);
      } else {
        setError(text);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <PageHeading title={t('password.title')} />
      <Card style={{ maxWidth: 480 }}>
        {done ? (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('password.changed')}
            style={{ marginBottom: 16 }}
            data-testid="password-changed"
          />
        ) : null}
        {error ? (
          <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />
        ) : null}
        <Form<PasswordForm> form={form} layout="vertical" onFinish={onFinish} name="change-password">
          <Form.Item
            label={t('password.current')}
            name="currentPassword"
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <NewPasswordFields name="newPassword" labelKey="password.new" confirmLabelKey="password.confirm" />
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
