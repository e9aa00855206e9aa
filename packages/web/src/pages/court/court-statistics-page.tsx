import {
  COURT_GROUP_BY_LABELS,
  COURT_GROUP_BYS,
  COURT_KIND_LABELS,
} from '@sutiao/domain/statistics/court-figures.ts';
import { Alert, Button, Space, Spin, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import {
  type CourtFigureCases,
  type CourtStatistics,
  type CourtStatisticsQuery,
  courtStatisticsExportUrl,
  getCourtStatistics,
  type ListableCourtFigure,
  listCourtFigureCases,
} from '../../api/statistics.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { formatFen, todayIso } from '../../format.ts';
import { FigureCards, FilterSelect, field, formatFigure } from '../statistics/figure-cards.tsx';
import { Breakdown } from '../statistics/breakdown.tsx';
import { useStatisticsText } from '../statistics/statistics-text.ts';

const REFERRALS = ['delegated', 'entrusted', 'settled'];
type Drill = { figure: ListableCourtFigure; group?: string; label: string };

/**
 * The courts' figures for a court administrator — a court its own, a high court its courts', the SPC all — with
 * each definition beside its figure, a breakdown, the cases behind a figure and an Excel export.
 */
export default function CourtStatisticsPage() {
  const { pt, lang } = useStatisticsText();
  const today = todayIso();
  const [query, setQuery] = useState<CourtStatisticsQuery>({
    from: `${today.slice(0, 4)}-01-01`,
    to: today,
    groupBy: 'court',
  });
  const [shown, setShown] = useState<CourtStatisticsQuery>(query);
  const [stats, setStats] = useState<CourtStatistics | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const load = useCallback((q: CourtStatisticsQuery) => {
    setError(null);
    getCourtStatistics(q)
      .then((s) => {
        setStats(s);
        setShown(q);
        setDrill(null);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the initial query; later loads come from the Show button
  useEffect(() => load(query), [load]);
  const set = (patch: Partial<CourtStatisticsQuery>) => setQuery((q) => ({ ...q, ...patch }));
  type Def = CourtStatistics['definitions'][number];
  const value = (d: Def, figures: CourtStatistics['totals']) =>
    formatFigure(figures[d.figure] ?? null, d.unit, pt);

  return (
    <>
      <PageHeading
        title={pt('courtTitle')}
        sub={pt('courtSub')}
        extra={
          <a href={courtStatisticsExportUrl(shown)} download>
            <Button>{pt('export')}</Button>
          </a>
        }
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          load(query);
        }}
      >
        <Space wrap align="end" style={{ marginBottom: 16 }}>
          <label style={field}>
            {pt('from')}
            <input type="date" value={query.from} onChange={(e) => set({ from: e.target.value })} required />
          </label>
          <label style={field}>
            {pt('to')}
            <input type="date" value={query.to} onChange={(e) => set({ to: e.target.value })} required />
          </label>
          <FilterSelect
            id="court-stats-group-by"
            label={pt('groupBy')}
            width={140}
            value={query.groupBy}
            onChange={(v) => set({ groupBy: v as CourtStatisticsQuery['groupBy'] })}
            blank={pt('noGroup')}
            options={COURT_GROUP_BYS.map((g) => ({ value: g, label: COURT_GROUP_BY_LABELS[g][lang] }))}
          />
          <FilterSelect
            id="court-stats-court"
            label={pt('court')}
            width={220}
            value={query.courtId}
            onChange={(v) => set({ courtId: v })}
            blank={pt('allCourts')}
            options={(stats?.courts ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
          <FilterSelect
            id="court-stats-kind"
            label={pt('kind')}
            width={160}
            value={query.kind}
            onChange={(v) => set({ kind: v as CourtStatisticsQuery['kind'] })}
            blank={pt('all')}
            options={Object.entries(COURT_KIND_LABELS).map(([k, l]) => ({ value: k, label: l[lang] }))}
          />
          <Button type="primary" htmlType="submit">
            {pt('apply')}
          </Button>
        </Space>
      </form>
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      {!stats ? (
        <Spin />
      ) : (
        <>
          <h2 style={{ fontSize: 18 }}>{pt('totals')}</h2>
          <FigureCards
            definitions={stats.definitions}
            show={(d) => value(d, stats.totals)}
            onList={(d) => setDrill({ figure: d.figure as ListableCourtFigure, label: d.label[lang] })}
          />
          {drill ? <CourtDrillDown query={shown} drill={drill} onClose={() => setDrill(null)} /> : null}
          {stats.groupBy ? (
            <Breakdown
              by={COURT_GROUP_BY_LABELS[stats.groupBy][lang]}
              groups={stats.groups}
              definitions={stats.definitions}
              series={REFERRALS}
              chartTitle={pt('courtChart')}
              onList={(figure, group, label) =>
                setDrill({ figure: figure as ListableCourtFigure, group, label })
              }
            />
          ) : null}
        </>
      )}
    </>
  );
}

/** The court cases behind one figure, paged; each opens the case. */
function CourtDrillDown({
  query,
  drill,
  onClose,
}: {
  query: CourtStatisticsQuery;
  drill: Drill;
  onClose: () => void;
}) {
  const { pt, lang } = useStatisticsText();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<CourtFigureCases | null>(null);
  useEffect(() => {
    void listCourtFigureCases({
      ...query,
      figure: drill.figure,
      group: drill.group,
      page,
      pageSize: 20,
    }).then(setData);
  }, [query, drill, page]);
  return (
    <section aria-labelledby="court-stats-drill" style={{ margin: '16px 0' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <h2 id="court-stats-drill" style={{ fontSize: 18, margin: 0 }}>
          {pt('casesOf', { figure: drill.label, group: '', total: data?.total ?? '…' })}
        </h2>
        <Button onClick={onClose}>{pt('close')}</Button>
      </Space>
      <Table
        size="small"
        rowKey={(r) => `${r.caseId}-${r.day}`}
        loading={!data}
        dataSource={data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: pt('caseNumber'),
            render: (_, r) => <Link to={`/court/cases/${r.caseId}`}>{r.caseNumber ?? r.caseId}</Link>,
          },
          { title: pt('kind'), render: (_, r) => COURT_KIND_LABELS[r.kind]?.[lang] ?? r.kind },
          { title: pt('court'), dataIndex: 'courtName' },
          { title: pt('organization'), render: (_, r) => r.organizationName ?? '—' },
          { title: pt('day'), dataIndex: 'day' },
          { title: pt('claim'), render: (_, r) => formatFen(r.claimAmountFen) },
        ]}
      />
    </section>
  );
}
