import { TRAINEE_ROLES } from '@sutiao/domain/training/course-rules.ts';
import { Alert, Button, Card, Form, InputNumber, Select, Space, Table, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import {
  listRequirements,
  type Requirements,
  setRequirement,
  type TrainingRoster,
  type TrainingStatistics,
  trainingRoster,
  trainingStatistics,
} from '../../api/training.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { currentYear, YearSelect } from '../../components/year-select.tsx';
import { labelOf, ROLE } from '../../domain-labels.ts';
import { formatDateTime } from '../../format.ts';
import { hasPermission, useMe, useSession } from '../../session.tsx';
import { StandingTag } from './standing-tag.tsx';
import { useTrainingText } from './training-text.ts';

type RosterEntry = TrainingRoster['items'][number];
type StatisticsRow = TrainingStatistics['rows'][number];

function RosterTab() {
  const { pt, lang } = useTrainingText();
  const [items, setItems] = useState<RosterEntry[] | null>(null);
  useEffect(() => {
    trainingRoster()
      .then((r) => setItems(r.items))
      .catch(() => setItems([]));
  }, []);
  return (
    <ScrollRegion label={pt('roster')}>
      <Table<RosterEntry>
        rowKey="userId"
        loading={items === null}
        dataSource={items ?? []}
        caption={<span className="visually-hidden">{pt('roster')}</span>}
        columns={[
          { title: pt('trainee'), dataIndex: 'displayName', key: 'name' },
          { title: pt('role'), key: 'role', render: (_, e) => labelOf(ROLE, e.role, lang) },
          { title: pt('organization'), dataIndex: 'organizationName', key: 'org' },
          { title: pt('status'), key: 'status', render: (_, e) => <StandingTag standing={e.standing} /> },
          {
            title: pt('previous'),
            key: 'previous',
            render: (_, e) =>
              `${e.standing.previous.required} / ${e.standing.previous.earned} / ${e.standing.previous.missing}`,
          },
          {
            title: pt('current'),
            key: 'current',
            render: (_, e) => `${e.standing.current.required} / ${e.standing.current.earned}`,
          },
        ]}
      />
    </ScrollRegion>
  );
}

function StatisticsTab() {
  const { pt } = useTrainingText();
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  const [stats, setStats] = useState<TrainingStatistics | null>(null);
  useEffect(() => {
    setStats(null);
    trainingStatistics(year)
      .then(setStats)
      .catch(() => {});
  }, [year]);
  const rows = stats
    ? [{ organizationId: '', organizationName: pt('total'), ...stats.total }, ...stats.rows]
    : [];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <YearSelect id="training-year" label={pt('year')} value={year} onChange={setYear} />
      </Space>
      <ScrollRegion label={pt('statistics')}>
        <Table<StatisticsRow>
          rowKey={(r) => r.organizationId || 'total'}
          loading={stats === null}
          dataSource={rows.filter((r) => !r.organizationId || r.trainees > 0 || r.courses > 0)}
          caption={<span className="visually-hidden">{pt('statistics')}</span>}
          columns={[
            { title: pt('organization'), dataIndex: 'organizationName', key: 'org' },
            { title: pt('coursesHeld'), dataIndex: 'courses', key: 'courses' },
            { title: pt('jointCourses'), dataIndex: 'jointCourses', key: 'joint' },
            { title: pt('trainees'), dataIndex: 'trainees', key: 'trainees' },
            { title: pt('trained'), dataIndex: 'trained', key: 'trained' },
            { title: pt('hours'), dataIndex: 'hours', key: 'hours' },
            { title: pt('metRequirement'), dataIndex: 'metRequirement', key: 'met' },
          ]}
        />
      </ScrollRegion>
    </>
  );
}

function RequirementsTab({ editable }: { editable: boolean }) {
  const { pt, lang } = useTrainingText();
  const { platform } = useSession();
  const [items, setItems] = useState<Requirements['items'] | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [form] = Form.useForm<{ role: string; year: number; hours: number; graceDays: number }>();
  const thisYear = currentYear();
  const roles = TRAINEE_ROLES[platform];
  const load = useCallback(() => {
    listRequirements()
      .then((r) => setItems(r.items))
      .catch(() => setItems([]));
  }, []);
  useEffect(load, [load]);
  const save = async (values: { role: string; year: number; hours: number; graceDays: number }) => {
    setRefusal(null);
    try {
      setItems((await setRequirement({ ...values, role: values.role as 'mediator' })).items);
    } catch (error) {
      setRefusal(error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <>
      {editable ? (
        <Form
          form={form}
          layout="inline"
          name="requirement"
          initialValues={{ role: roles[0], year: thisYear, hours: 24, graceDays: 90 }}
          onFinish={(v) => void save(v)}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item label={pt('role')} name="role">
            <Select
              style={{ width: 160 }}
              options={roles.map((r) => ({ value: r, label: labelOf(ROLE, r, lang) }))}
            />
          </Form.Item>
          <Form.Item label={pt('year')} name="year">
            <Select
              style={{ width: 100 }}
              options={[thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))}
            />
          </Form.Item>
          <Form.Item label={pt('hours')} name="hours">
            <InputNumber min={0} max={200} step={0.5} />
          </Form.Item>
          <Form.Item label={pt('graceDays')} name="graceDays">
            <InputNumber min={0} max={183} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {pt('save')}
          </Button>
        </Form>
      ) : null}
      {refusal ? (
        <Alert type="error" showIcon role="alert" title={refusal} style={{ marginBottom: 12 }} />
      ) : null}
      <ScrollRegion label={pt('requirements')}>
        <Table
          rowKey={(r) => `${r.role}:${r.year}`}
          loading={items === null}
          dataSource={items ?? []}
          pagination={false}
          caption={<span className="visually-hidden">{pt('requirements')}</span>}
          columns={[
            { title: pt('role'), key: 'role', render: (_, r) => labelOf(ROLE, r.role, lang) },
            { title: pt('year'), dataIndex: 'year', key: 'year' },
            { title: pt('hours'), dataIndex: 'hours', key: 'hours' },
            { title: pt('graceDays'), dataIndex: 'graceDays', key: 'grace' },
            { title: pt('setAt'), key: 'setAt', render: (_, r) => formatDateTime(r.setAt) },
          ]}
        />
      </ScrollRegion>
    </>
  );
}

/** 培训管理: who is short of hours, how much training each organization delivered, and the annual requirements. */
export default function TrainingOversightPage() {
  const { pt } = useTrainingText();
  const me = useMe();
  const oversees = hasPermission(me, 'training.organize', 'stats.read');
  const configures = hasPermission(me, 'system.configure');
  const tabs = [
    ...(oversees
      ? [
          { key: 'roster', label: pt('roster'), children: <RosterTab /> },
          { key: 'statistics', label: pt('statistics'), children: <StatisticsTab /> },
        ]
      : []),
    { key: 'requirements', label: pt('requirements'), children: <RequirementsTab editable={configures} /> },
  ];
  return (
    <>
      <PageHeading title={pt('oversight')} />
      <Card>
        <Tabs items={tabs} />
      </Card>
    </>
  );
}
