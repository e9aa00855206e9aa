import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import { useI18n } from '../i18n/index.ts';

/** A labelled textarea + send button; clears after a successful post. */
export function PostForm({
  name,
  label,
  submitText,
  onPost,
}: {
  name: string;
  label: string;
  submitText: string;
  onPost: (body: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ body: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Form
      form={form}
      layout="vertical"
      name={name}
      onFinish={async (values) => {
        setBusy(true);
        try {
          await onPost(values.body.trim());
          form.resetFields();
        } catch {
          // The client has shown the error.
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form.Item
        name="body"
        label={label}
        rules={[
          { required: true, whitespace: true, message: t('form.required', { field: label }) },
          { max: INPUT_LIMITS.message, message: t('form.tooLong', { max: INPUT_LIMITS.message }) },
        ]}
      >
        <Input.TextArea rows={3} maxLength={INPUT_LIMITS.message} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {submitText}
      </Button>
    </Form>
  );
}
