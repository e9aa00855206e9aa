import { TRAINEE_ROLES } from '@sutiao/domain/training/course-rules.ts';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { type CourseDraft, createCourse, listOrganizers, type Organizers } from '../../api/training.ts';
import { labelOf, ROLE } from '../../domain-labels.ts';
import { beijingIso } from '../../format.ts';
import { useSession } from '../../session.tsx';
import { useTrainingText } from './training-text.ts';

interface Values {
  title: string;
  summary?: string;
  coOrganizerIds?: string[];
  mode: 'online' | 'in_person';
  location: string;
  startsAt: string;
  endsAt: string;
  hours: number;
  audience: string[];
  capacity?: number | null;
}

/** A new course: title, when and where, hours, for whom, and the courts or organizations running it jointly. */
export function CourseForm({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const { pt, lang } = useTrainingText();
  const { platform } = useSession();
  const [form] = Form.useForm<Values>();
  const [organizers, setOrganizers] = useState<Organizers['items']>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    listOrganizers()
      .then((r) => setOrganizers(r.items))
      .catch(() => {});
  }, []);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setRefusal(null);
    const draft: CourseDraft = {
      title: values.title,
      summary: values.summary ?? '',
      coOrganizerIds: values.coOrganizerIds ?? [],
      mode: values.mode,
      location: values.location,
      startsAt: beijingIso(values.startsAt),
      endsAt: beijingIso(values.endsAt),
      hours: values.hours,
      audience: values.audience as CourseDraft['audience'],
      capacity: values.capacity ?? null,
    };
    try {
      await createCourse(draft);
      onCreated();
    } catch (error) {
      setRefusal(error instanceof ApiError ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: pt('required') }];
  return (
    <Modal
      open
      title={pt('newCourse')}
      okText={pt('create')}
      cancelText={pt('cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="course"
        initialValues={{ mode: 'online', audience: [TRAINEE_ROLES[platform][0]], hours: 3 }}
      >
        <Form.Item label={pt('course')} name="title" rules={required}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item label={pt('summary')} name="summary">
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
        <Form.Item label={pt('coOrganizers')} name="coOrganizerIds">
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            options={organizers.map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item label={pt('mode')} name="mode" rules={[{ required: true, message: pt('required') }]}>
          <Select
            options={[
              { value: 'online', label: pt('online') },
              { value: 'in_person', label: pt('in_person') },
            ]}
          />
        </Form.Item>
        <Form.Item label={pt('location')} name="location" rules={required}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item label={pt('startsAt')} name="startsAt" rules={required}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item label={pt('endsAt')} name="endsAt" rules={required}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item label={pt('hours')} name="hours" rules={[{ required: true, message: pt('required') }]}>
          <InputNumber min={0.5} max={100} step={0.5} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          label={pt('audience')}
          name="audience"
          rules={[{ required: true, message: pt('required') }]}
        >
          <Select
            mode="multiple"
            options={TRAINEE_ROLES[platform].map((role) => ({
              value: role,
              label: labelOf(ROLE, role, lang),
            }))}
          />
        </Form.Item>
        <Form.Item label={pt('capacity')} name="capacity">
          <InputNumber min={1} max={100000} style={{ width: 160 }} />
        </Form.Item>
        {refusal ? <Alert type="error" showIcon role="alert" title={refusal} /> : null}
      </Form>
    </Modal>
  );
}
