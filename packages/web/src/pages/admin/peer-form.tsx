import { Alert, App, Button, Card, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { type Peer, type RegisterPeerInput, registerPeer } from '../../api/docking.ts';
import { ApiError } from '../../api/client.ts';
import type { Platform } from '../../api/types.ts';
import { type DockingTextKey, useDockingText } from './docking-text.ts';

interface PeerFormValues {
  id: string;
  platform: Platform;
  name: string;
  baseUrl: string;
  publicKeyPem: string;
  algorithm: 'SM2' | 'Ed25519';
  validFrom?: string;
  validUntil?: string;
}

type FieldName = keyof PeerFormValues;

/**
 * The server answers a refusal as one message without a field, so it is put beside the field its wording is about
 * (the reasons of use-cases/docking/register-peer.ts and the schema's "body/<field>" messages); else above the button.
 */
export function fieldOfRefusal(message: string): FieldName | null {
  const schemaField = /body\/(id|platform|name|baseUrl)\b/.exec(message)?.[1];
  if (schemaField) return schemaField as FieldName;
  if (/body\/keys/.test(message)) return 'publicKeyPem';
  if (/公钥|public key|PEM/i.test(message)) return 'publicKeyPem';
  if (/对接地址|base URL|http\(s\)/i.test(message)) return 'baseUrl';
  if (/另一类平台|other kind/i.test(message)) return 'platform';
  if (/平台标识|本平台自身|platform id|itself/i.test(message)) return 'id';
  if (/有效期|valid/i.test(message)) return 'validUntil';
  return null;
}

/** datetime-local (the browser's time zone) → ISO, or undefined when empty. */
const isoOf = (value: string | undefined) => (value ? new Date(value).toISOString() : undefined);

/** Registers a peer, or adds a key to one (same call: keys are only ever added). */
export function PeerForm({
  ownPlatform,
  prefill,
  onRegistered,
}: {
  ownPlatform: Platform;
  /** The peer whose "add a key" was chosen: its id, kind, name and URL are filled in. */
  prefill: Peer | null;
  onRegistered: () => void;
}) {
  const { pt } = useDockingText();
  const { message } = App.useApp();
  const [form] = Form.useForm<PeerFormValues>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const otherPlatform: Platform = ownPlatform === 'court' ? 'mediation' : 'court';

  useEffect(() => {
    if (!prefill) return;
    form.setFieldsValue({
      id: prefill.id,
      platform: prefill.platform === 'court' ? 'court' : 'mediation',
      name: prefill.name,
      baseUrl: prefill.baseUrl,
    });
    form.scrollToField('publicKeyPem');
    form.focusField('publicKeyPem');
  }, [prefill, form]);

  const submit = async (values: PeerFormValues) => {
    setRefusal(null);
    setSaving(true);
    const input: RegisterPeerInput = {
      id: values.id.trim(),
      platform: values.platform,
      name: values.name.trim(),
      baseUrl: values.baseUrl.trim(),
      keys: [
        {
          publicKeyPem: values.publicKeyPem,
          algorithm: values.algorithm,
          ...(values.validFrom ? { validFrom: isoOf(values.validFrom) } : {}),
          ...(values.validUntil ? { validUntil: isoOf(values.validUntil) } : {}),
        },
      ],
    };
    try {
      const answer = await registerPeer(input);
      message.success(pt('registeredOk', { id: answer.id, keys: answer.keyIds.join(', ') }));
      form.resetFields();
      onRegistered();
    } catch (cause) {
      const text = cause instanceof ApiError ? cause.message : String(cause);
      const field = fieldOfRefusal(text);
      if (field) form.setFields([{ name: field, errors: [text] }]);
      else setRefusal(text);
    } finally {
      setSaving(false);
    }
  };

  const required = (field: DockingTextKey) => [
    { required: true, message: pt('required', { field: pt(field) }) },
  ];

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{pt('formTitle')}</h2>} id="peer-form">
      <p style={{ marginTop: 0 }}>{pt('formHelp')}</p>
      <Form<PeerFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ platform: otherPlatform, algorithm: 'SM2' }}
        style={{ maxWidth: 720 }}
      >
        <Form.Item name="id" label={pt('platformId')} extra={pt('idHelp')} rules={required('platformId')}>
          <Input autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="platform" label={pt('platformKind')} rules={required('platformKind')}>
          <Select
            options={(['court', 'mediation'] as const).map((p) => ({ value: p, label: pt(`kind.${p}`) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={pt('name')} rules={required('name')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="baseUrl" label={pt('baseUrl')} rules={required('baseUrl')}>
          <Input type="url" autoComplete="off" spellCheck={false} placeholder="https://" />
        </Form.Item>
        <Form.Item
          name="publicKeyPem"
          label={pt('publicKey')}
          extra={pt('publicKeyHelp')}
          rules={required('publicKey')}
        >
          <Input.TextArea rows={5} spellCheck={false} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="algorithm" label={pt('algorithm')} rules={required('algorithm')}>
          <Select
            options={[
              { value: 'SM2', label: 'SM2' },
              { value: 'Ed25519', label: 'Ed25519' },
            ]}
          />
        </Form.Item>
        <Form.Item name="validFrom" label={pt('validFrom')} extra={pt('validFromHelp')}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="validUntil" label={pt('validUntil')} extra={pt('validUntilHelp')}>
          <Input type="datetime-local" />
        </Form.Item>
        {refusal ? (
          <Alert type="error" showIcon role="alert" title={refusal} style={{ marginBottom: 12 }} />
        ) : null}
        <Button type="primary" htmlType="submit" loading={saving}>
          {pt('submit')}
        </Button>
      </Form>
    </Card>
  );
}
