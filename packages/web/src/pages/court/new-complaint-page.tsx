import { Alert, Button, Card, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { parseYuanToFen } from '../../format.ts';
import { COURT_LIMITS } from '@sutiao/domain/lifecycles/court-referral.ts';
import { type ComplaintParty, enterComplaint } from './court-api.ts';
import { useCourtText } from './court-text.ts';

interface FormValues {
  parties: ComplaintParty[];
  claims: string;
  amount: string;
  facts: string;
}

const EMPTY_PARTY = (role: ComplaintParty['role'], kind: ComplaintParty['kind']): ComplaintParty => ({
  role,
  kind,
  name: '',
  idNumber: '',
  phone: '',
  address: '',
});

/** A filing officer enters a complaint: lifecycle B starts; the case page then records consent and delegates. */
export default function NewComplaintPage() {
  const { pt } = useCourtText();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: FormValues) {
    setError(null);
    const fen = parseYuanToFen(values.amount);
    if (fen === null || fen < 1) {
      setError(pt('amountInvalid'));
      return;
    }
    setBusy(true);
    try {
      const created = await enterComplaint({
        parties: values.parties.map((p) => ({
          ...p,
          phone: p.phone?.trim() || null,
          address: p.address?.trim() || null,
        })),
        claims: values.claims,
        claimAmountFen: fen,
        facts: values.facts,
      });
      navigate(`/court/cases/${created.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const required = (field: string) => [
    { required: true, whitespace: true, message: pt('required', { field }) },
  ];
  return (
    <>
      <PageHeading title={pt('newComplaint')} sub={pt('newComplaintSub')} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          parties: [EMPTY_PARTY('plaintiff', 'person'), EMPTY_PARTY('defendant', 'organization')],
          claims: '',
          amount: '',
          facts: '',
        }}
        style={{ maxWidth: 880 }}
      >
        <Alert type="info" showIcon message={pt('complaintHint')} style={{ marginBottom: 16 }} />
        <Form.List name="parties">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={<h2 style={{ fontSize: 15, margin: 0 }}>{`${pt('party')} ${index + 1}`}</h2>}
                  extra={
                    fields.length > 2 ? (
                      <Button type="link" danger onClick={() => remove(field.name)}>
                        {pt('removeParty')}
                      </Button>
                    ) : null
                  }
                >
                  <Space wrap style={{ width: '100%' }} align="start">
                    <Form.Item
                      label={pt('role')}
                      name={[field.name, 'role']}
                      htmlFor={`party-${field.key}-role`}
                    >
                      <Select
                        id={`party-${field.key}-role`}
                        style={{ minWidth: 120 }}
                        options={[
                          { value: 'plaintiff', label: pt('plaintiff') },
                          { value: 'defendant', label: pt('defendant') },
                          { value: 'third-party', label: pt('thirdParty') },
                        ]}
                      />
                    </Form.Item>
                    <Form.Item
                      label={pt('partyKind')}
                      name={[field.name, 'kind']}
                      htmlFor={`party-${field.key}-kind`}
                    >
                      <Select
                        id={`party-${field.key}-kind`}
                        style={{ minWidth: 150 }}
                        options={[
                          { value: 'person', label: pt('person') },
                          { value: 'organization', label: pt('orgParty') },
                        ]}
                      />
                    </Form.Item>
                  </Space>
                  <Form.Item label={pt('name')} name={[field.name, 'name']} rules={required(pt('name'))}>
                    <Input maxLength={COURT_LIMITS.partyName} autoComplete="off" />
                  </Form.Item>
                  <Form.Item
                    label={pt('idNumber')}
                    name={[field.name, 'idNumber']}
                    rules={required(pt('idNumber'))}
                  >
                    <Input maxLength={COURT_LIMITS.idNumber} autoComplete="off" />
                  </Form.Item>
                  <Space wrap style={{ width: '100%' }} align="start">
                    <Form.Item label={pt('phone')} name={[field.name, 'phone']}>
                      <Input maxLength={COURT_LIMITS.phone} autoComplete="off" />
                    </Form.Item>
                    <Form.Item label={pt('address')} name={[field.name, 'address']}>
                      <Input maxLength={COURT_LIMITS.address} autoComplete="off" />
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              <Button onClick={() => add(EMPTY_PARTY('third-party', 'person'))} style={{ marginBottom: 16 }}>
                {pt('addParty')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item label={pt('claims')} name="claims" rules={required(pt('claims'))}>
          <Input.TextArea rows={3} maxLength={COURT_LIMITS.claims} showCount />
        </Form.Item>
        <Form.Item label={pt('claimAmount')} name="amount" rules={required(pt('claimAmount'))}>
          <Input inputMode="decimal" style={{ maxWidth: 240 }} />
        </Form.Item>
        <Form.Item label={pt('facts')} name="facts" rules={required(pt('facts'))}>
          <Input.TextArea rows={6} maxLength={COURT_LIMITS.facts} showCount />
        </Form.Item>
        {error ? (
          <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          {pt('submitComplaint')}
        </Button>
      </Form>
    </>
  );
}
