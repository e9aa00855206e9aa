import { FIGURE_COLUMNS } from '@sutiao/loss-engine/result-columns';
import { Descriptions, Table } from 'antd';
import type { ExplainedTrade, LossResult } from '../../api/loss-types.ts';
import { ToneTag } from '../../components/status-tag.tsx';
import { useLossText } from './loss-text.ts';
import { PlainLossView, useWindowLabel } from './plain-loss-view.tsx';

const FIGURES = FIGURE_COLUMNS;

/**
 * One investor's figures (LOSS-SPEC §3) and every trade, used or excluded, with the engine's reason. Analysts see
 * the formula symbols; an investor (`plain`) sees the result in words and windows named by their dates.
 */
export function ExplanationView({ result, plain = false }: { result: LossResult; plain?: boolean }) {
  const { lt, lang } = useLossText();
  const windowLabel = useWindowLabel();
  const e = result.explanation;
  return (
    <>
      {plain ? (
        <PlainLossView result={result} />
      ) : (
        <Descriptions bordered size="small" column={2}>
          <Descriptions.Item label={lt('reason')} span={2}>
            {e ? (lang === 'en' ? e.reasonEn : e.reasonZh) : result.reason}
          </Descriptions.Item>
          {FIGURES.map((k) => (
            <Descriptions.Item key={k} label={k}>
              {result.row[k] ?? ''}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      <h3 style={{ fontSize: 15, marginTop: 16 }}>{lt('tradesUsed')}</h3>
      <Table<ExplainedTrade>
        size="small"
        rowKey={(t) => `${t.line}-${t.segment}`}
        dataSource={e?.trades ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: lt('colLine'), dataIndex: 'line', width: 60 },
          { title: lt('tradeDate'), dataIndex: 'tradeDate' },
          {
            title: lt('side'),
            dataIndex: 'side',
            render: (s: string | null) => (s === 'B' ? lt('buy') : s === 'S' ? lt('sell') : ''),
          },
          { title: lt('quantity'), dataIndex: 'quantity' },
          { title: lt('price'), dataIndex: 'price' },
          {
            title: lt('window'),
            dataIndex: 'window',
            render: (w: string | null) => (plain ? windowLabel(w) : w),
          },
          {
            title: lt('reason'),
            key: 'used',
            render: (_: unknown, t: ExplainedTrade) => (
              <>
                <ToneTag tone={t.used ? 'success' : 'neutral'}>
                  {t.used ? lt('used') : lt('excluded')}
                </ToneTag>{' '}
                {lang === 'en' ? t.en : t.zh}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
