import { Alert, App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import {
  type AccessAction,
  type AdminUser,
  type CreatedUser,
  type CreateUserInput,
  createUser,
  setUserAccess,
} from '../../api/admin.ts';
import { ApiError } from '../../api/client.ts';
import { labelOf, ROLE } from '../../domain-labels.ts';
import { useAccountText } from './account-text.ts';

const USERNAME = /^[a-zA-Z0-9_.-]{3,32}$/;

/** Disable / enable / unlock buttons for one account (system administrator). */
export function AccountButtons({
  user,
  self,
  onDone,
}: {
  user: AdminUser;
  self: boolean;
  onDone: () => void;
}) {
  const { pt } = useAccountText();
  const { message } = App.useApp();
  const act = async (action: AccessAction) => {
    await setUserAccess(user.id, action);
    void message.success(pt('done'));
    onDone();
  };
  return (
    <Space wrap size={4}>
      {user.lockedUntil ? (
        <Button
          size="small"
          onClick={() => void act('unlock')}
          aria-label={pt('unlockOf', { name: user.username })}
        >
          {pt('unlock')}
        </Button>
      ) : null}
      {self ? null : user.disabled ? (
        <Button
          size="small"
          onClick={() => void act('enable')}
          aria-label={pt('enableOf', { name: user.username })}
        >
          {pt('enable')}
        </Button>
      ) : (
        <Button
          size="small"
          danger
          onClick={() => void act('disable')}
          aria-label={pt('disableOf', { name: user.username })}
        >
          {pt('disable')}
        </Button>
      )}
    </Space>
  );
}

/** "Open an account": the form, then the one-time initial password. */
export function CreateAccount({
  roles,
  organizations,
  onCreated,
}: {
  roles: readonly string[];
  organizations: { id: string; name: string }[];
  onCreated: () => void;
}) {
  const { pt, lang } = useAccountText();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<CreateUserInput>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<(CreatedUser & { displayName: string }) | null>(null);

  const submit = async () => {
    let values: CreateUserInput;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await createUser({ ...values, organizationId: values.organizationId ?? null });
      setOpen(false);
      form.resetFields();
      setCreated({ ...result, displayName: values.displayName });
      onCreated();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {pt('create')}
      </Button>
      <Modal
        open={open}
        title={pt('createTitle')}
        okText={pt('submit')}
        cancelText={pt('cancel')}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {error ? (
          <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />
        ) : null}
        <Form form={form} layout="vertical" name="create-account">
          <Form.Item
            name="username"
            label={pt('username')}
            extra={pt('usernameHelp')}
            rules={[{ required: true, pattern: USERNAME, message: pt('usernameInvalid') }]}
          >
            <Input autoComplete="off" maxLength={32} />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={pt('name')}
            rules={[
              { required: true, whitespace: true, message: pt('nameRequired') },
              { max: INPUT_LIMITS.displayName },
            ]}
          >
            <Input maxLength={INPUT_LIMITS.displayName} />
          </Form.Item>
          <Form.Item name="organizationId" label={pt('organization')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={pt('organizationNone')}
              options={organizations.map((org) => ({ value: org.id, label: org.name }))}
            />
          </Form.Item>
          <Form.Item
            name="role"
            label={pt('role')}
            extra={pt('roleHelp')}
            rules={[{ required: true, message: pt('roleRequired') }]}
          >
            <Select options={roles.map((role) => ({ value: role, label: labelOf(ROLE, role, lang) }))} />
          </Form.Item>
          <Form.Item name="email" label={pt('email')} rules={[{ type: 'email' }]}>
            <Input maxLength={INPUT_LIMITS.email} autoComplete="off" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={created !== null}
        title={pt('createdTitle')}
        okText={pt('close')}
        onOk={() => setCreated(null)}
        onCancel={() => setCreated(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <p>{pt('createdBody', { name: created?.displayName ?? '' })}</p>
        <Typography.Text code copyable data-testid="initial-password">
          {created?.initialPassword}
        </Typography.Text>
      </Modal>
    </>
  );
}
