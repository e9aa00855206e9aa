import { Button, Card, Form, Input, Select, Steps } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { createAssessment, listEntrustingCourts } from '../../api/loss.ts';
import type { LossParams } from '../../api/loss-types.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { useLossText } from './loss-text.ts';
import { ParamsForm } from './params-form.tsx';

interface Entrustment {
  caseNumber: string;
  courtOrgId: string;
  entrustedOn: string;
}

/** Two steps: the court's entrustment, then the parameters it fixed (explained, LOSS-SPEC §1). */
export default function CreateAssessmentPage() {
  const { lt } = useLossText();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [entrustment, setEntrustment] = useState<Entrustment | null>(null);
  const [courts, setCourts] = useState<{ value: string; label: string }[]>([]);

  useEffect(() => {
    listEntrustingCourts()
      .then((r) => setCourts(r.items.map((c) => ({ value: c.id, label: c.name }))))
      .catch(() => {});
  }, []);

  const create = async (params: LossParams) => {
    if (!entrustment) return;
    const created = await createAssessment({ ...entrustment, params }).catch(() => null);
    if (created) navigate(`/loss/${created.id}`);
  };

  return (
    <>
      <PageHeading title={lt('newAssessment')} />
      <Card>
        <Steps
          current={step}
          style={{ marginBottom: 24, maxWidth: 480 }}
          items={[{ title: lt('stepEntrustment') }, { title: lt('stepParams') }]}
        />
        {step === 0 ? (
          <Form<Entrustment>
            layout="vertical"
            style={{ maxWidth: 520 }}
            initialValues={entrustment ?? undefined}
            onFinish={(values) => {
              setEntrustment(values);
              setStep(1);
            }}
          >
            <Form.Item
              name="caseNumber"
              label={lt('caseNumber')}
              extra={lt('caseNumberHelp')}
              rules={[{ required: true }]}
            >
              <Input placeholder="(2026)沪74民初45号" />
            </Form.Item>
            <Form.Item name="courtOrgId" label={lt('court')} rules={[{ required: true }]}>
              <Select showSearch optionFilterProp="label" options={courts} />
            </Form.Item>
            <Form.Item name="entrustedOn" label={lt('entrustedOn')} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {lt('next')}
            </Button>
          </Form>
        ) : (
          <ParamsForm
            submitLabel={lt('create')}
            onSubmit={create}
            extraButtons={
              <Button style={{ marginLeft: 8 }} onClick={() => setStep(0)}>
                {lt('back')}
              </Button>
            }
          />
        )}
      </Card>
    </>
  );
}
