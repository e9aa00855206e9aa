import { INDICATOR_KEYS, LEVELS_OF_PLATFORM } from '@sutiao/domain/evaluation/indicators.ts';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import {
  defineScorecard,
  getCourtScorecards,
  getScorecards,
  listScorecardVersions,
  type ScorecardLevel,
  type ScorecardRow,
  type Scorecards,
  type ScorecardVersions,
} from '../../api/evaluation.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { YearSelect, currentYear } from '../../components/year-select.tsx';
import { formatDateTime } from '../../format.ts';
import { hasPermission, useMe, useSession } from '../../session.tsx';
import { useEvaluationText } from './evaluation-text.ts';

const INDICATORS = INDICATOR_KEYS;

function LevelAndYear({
  level,
  year,
  onLevel,
  onYear,
}: {
  level: ScorecardLevel;
  year?: number;
  onLevel: (l: ScorecardLevel) => void;
  onYear?: (y: number) => void;
}) {
  const { pt } = useEvaluationText();
  const { platform } = useSession();
  const levels: readonly ScorecardLevel[] = LEVELS_OF_PLATFORM[platform];
  return (
    <Space style={{ marginBottom: 12 }} wrap>
      <label htmlFor="evaluation-level">{pt('level')}</label>
      <Select
        id="evaluation-level"
        value={level}
        onChange={onLevel}
        style={{ width: 140 }}
        options={levels.map((l) => ({ value: l, label: pt(l) }))}
      />
      {year !== undefined && onYear ? (
        <YearSelect id="evaluation-year" label={pt('year')} value={year} onChange={onYear} />
      ) : null}
    </Space>
  );
}

/** The level a platform scores first: mediators on the mediation platform, courts on the court platform. */
function useFirstLevel(): ScorecardLevel {
  return LEVELS_OF_PLATFORM[useSession().platform][0];
}

function ScorecardsTab() {
  const { pt, lang } = useEvaluationText();
  const [level, setLevel] = useState<ScorecardLevel>(useFirstLevel());
  const [year, setYear] = useState(currentYear());
  const [data, setData] = useState<Scorecards | null>(null);
  useEffect(() => {
    setData(null);
    (level === 'court' ? getCourtScorecards(year) : getScorecards(level, year)).then(setData).catch(() => {});
  }, [level, year]);
  const show = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(n));
  return (
    <>
      <LevelAndYear level={level} year={year} onLevel={setLevel} onYear={setYear} />
      {data ? (
        <p data-testid="scorecard-version">
          {pt('version', { version: data.version.version, year: data.version.effectiveYear })} ·{' '}
          {INDICATORS.map((k) => `${pt(k)} ${data.version.weights[k]}%`).join(' · ')}
        </p>
      ) : null}
      <ScrollRegion label={pt('title')}>
        <Table<ScorecardRow>
          rowKey="id"
          loading={data === null}
          dataSource={data?.rows ?? []}
          locale={{ emptyText: <span style={{ color: 'rgba(0,0,0,0.65)' }}>{pt('noRows')}</span> }}
          caption={<span className="visually-hidden">{pt('title')}</span>}
          columns={[
            { title: pt('rank'), key: 'rank', render: (_, r) => show(r.rank) },
            { title: pt('name'), dataIndex: 'name', key: 'name' },
            { title: pt('belongsTo'), key: 'org', render: (_, r) => r.organizationName ?? '—' },
            { title: pt('score'), key: 'score', render: (_, r) => <strong>{show(r.score)}</strong> },
            ...INDICATORS.map((k) => ({
              title: pt(k),
              key: k,
              render: (_: unknown, r: ScorecardRow) => show(r.scores[k]),
            })),
            { title: pt('responses'), key: 'responses', render: (_, r) => r.measurements.surveyResponses },
            { title: pt('coverage'), key: 'coverage', render: (_, r) => `${r.coverage}%` },
          ]}
        />
      </ScrollRegion>
      {data ? (
        <details style={{ marginTop: 12 }}>
          <summary>{pt('definitions')}</summary>
          <ul>
            {data.definitions.map((d) => (
              <li key={d.indicator}>{lang === 'en' ? d.en : d.zh}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function WeightsTab({ editable }: { editable: boolean }) {
  const { pt } = useEvaluationText();
  const [level, setLevel] = useState<ScorecardLevel>(useFirstLevel());
  const [versions, setVersions] = useState<ScorecardVersions['items'] | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [form] = Form.useForm<Record<string, number | string>>();
  const [sum, setSum] = useState(100);
  const load = useCallback(() => {
    setVersions(null);
    listScorecardVersions(level)
      .then((r) => {
        setVersions(r.items);
        const current = r.items[0];
        if (current) {
          form.setFieldsValue({ ...current.weights, effectiveYear: currentYear(), note: '' });
          setSum(INDICATORS.reduce((s, k) => s + (current.weights[k] ?? 0), 0));
        }
      })
      .catch(() => setVersions([]));
  }, [level, form]);
  useEffect(load, [load]);
  const save = async (values: Record<string, number | string>) => {
    setRefusal(null);
    const weights = Object.fromEntries(INDICATORS.map((k) => [k, Number(values[k] ?? 0)]));
    try {
      const r = await defineScorecard(
        level,
        Number(values.effectiveYear),
        weights,
        String(values.note ?? ''),
      );
      setVersions(r.items);
    } catch (error) {
      setRefusal(error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <>
      <LevelAndYear level={level} onLevel={setLevel} />
      {editable ? (
        <Form
          form={form}
          layout="inline"
          name="weights"
          onFinish={(v) => void save(v)}
          onValuesChange={(_, all) => setSum(INDICATORS.reduce((s, k) => s + Number(all[k] ?? 0), 0))}
          style={{ marginBottom: 12, rowGap: 8 }}
        >
          {INDICATORS.map((k) => (
            <Form.Item key={k} name={k} label={pt(k)}>
              <InputNumber min={0} max={100} precision={0} style={{ width: 80 }} />
            </Form.Item>
          ))}
          <Form.Item name="effectiveYear" label={pt('effectiveYear')}>
            <Select
              style={{ width: 100 }}
              options={[currentYear(), currentYear() + 1].map((y) => ({ value: y, label: String(y) }))}
            />
          </Form.Item>
          <Form.Item name="note" label={pt('note')}>
            <Input maxLength={500} />
          </Form.Item>
          <span
            aria-live="polite"
            style={{ alignSelf: 'center', color: sum === 100 ? '#166534' : '#991b1b' }}
          >
            {pt('sum', { sum })}
          </span>
          <Button type="primary" htmlType="submit">
            {pt('addVersion')}
          </Button>
        </Form>
      ) : null}
      {refusal ? (
        <Alert type="error" showIcon role="alert" title={refusal} style={{ marginBottom: 12 }} />
      ) : null}
      <ScrollRegion label={pt('weights')}>
        <Table
          rowKey="version"
          loading={versions === null}
          dataSource={versions ?? []}
          pagination={false}
          caption={<span className="visually-hidden">{pt('weights')}</span>}
          columns={[
            { title: '#', dataIndex: 'version', key: 'version' },
            { title: pt('effectiveYear'), dataIndex: 'effectiveYear', key: 'year' },
            {
              // One wrapping cell, so the versions fit a phone without scrolling sideways.
              title: pt('weight'),
              key: 'weights',
              render: (_: unknown, v: ScorecardVersions['items'][number]) =>
                INDICATORS.map((k) => `${pt(k)} ${v.weights[k]}%`).join(' · '),
            },
            { title: pt('note'), dataIndex: 'note', key: 'note' },
            {
              title: '',
              key: 'at',
              render: (_: unknown, v: ScorecardVersions['items'][number]) => formatDateTime(v.createdAt),
            },
          ]}
        />
      </ScrollRegion>
    </>
  );
}

/** 评估考核: yearly scorecards and rankings for regulators and organizations; the weights' versions. */
export default function EvaluationPage() {
  const { pt } = useEvaluationText();
  const me = useMe();
  const reads = hasPermission(me, 'evaluation.read');
  const configures = hasPermission(me, 'system.configure');
  const tabs = [
    ...(reads ? [{ key: 'scorecards', label: pt('title'), children: <ScorecardsTab /> }] : []),
    { key: 'weights', label: pt('weights'), children: <WeightsTab editable={configures} /> },
  ];
  return (
    <>
      <PageHeading title={pt('title')} sub={pt('intro')} />
      <Card>
        <Tabs items={tabs} />
      </Card>
    </>
  );
}
