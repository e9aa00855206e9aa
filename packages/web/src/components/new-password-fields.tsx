import { PASSWORD_MIN_LENGTH } from '@sutiao/domain/password-policy.ts';
import { Form, Input } from 'antd';
import { type MessageKey, useI18n } from '../i18n/index.ts';

/**
 * A new password and its confirmation, with the domain's minimum length: the same two fields wherever a
 * password is chosen (registration, password change). The server applies the full policy.
 */
export function NewPasswordFields({
  name,
  labelKey,
  confirmLabelKey,
}: {
  name: string;
  labelKey: MessageKey;
  confirmLabelKey: MessageKey;
}) {
  const { t } = useI18n();
  const hint = t('password.hint', { min: PASSWORD_MIN_LENGTH });
  return (
    <>
      <Form.Item
        label={t(labelKey)}
        name={name}
        extra={hint}
        rules={[
          { required: true, message: t('login.passwordRequired') },
          { min: PASSWORD_MIN_LENGTH, message: hint },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t(confirmLabelKey)}
        name="confirm"
        dependencies={[name]}
        rules={[
          { required: true, message: t('password.mismatch') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue(name)
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
