import { Button, Descriptions, Popconfirm, Space } from 'antd';
import { exportUrl, issueReport, reportPdfUrl } from '../../api/loss.ts';
import type { LossAssessment } from '../../api/loss-types.ts';
import { formatDateTime } from '../../format.ts';
import { useLossText } from './loss-text.ts';

/** Export (any time after a run) and issuing the signed report (analysts, once). */
export function ReportPanel({
  assessment,
  onChanged,
}: {
  assessment: LossAssessment;
  onChanged: () => void;
}) {
  const { lt } = useLossText();
  const computed = assessment.status === 'calculated' || assessment.status === 'issued';
  const report = assessment.report;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Button href={exportUrl(assessment.id)} disabled={!computed} download>
          {lt('exportXlsx')}
        </Button>
        {assessment.abilities.includes('issue') ? (
          <Popconfirm
            title={lt('issue')}
            description={lt('issueConfirm')}
            onConfirm={async () => {
              await issueReport(assessment.id).catch(() => null);
              onChanged();
            }}
          >
            <Button type="primary">{lt('issue')}</Button>
          </Popconfirm>
        ) : null}
        {report ? (
          <Button href={reportPdfUrl(assessment.id)} download>
            {lt('downloadPdf')}
          </Button>
        ) : null}
      </Space>
      {report ? (
        <Descriptions bordered size="small" column={1} title={lt('issued')}>
          <Descriptions.Item label={lt('issuedAt')}>{formatDateTime(report.issuedAt)}</Descriptions.Item>
          <Descriptions.Item label={lt('verificationCode')}>{report.verificationCode}</Descriptions.Item>
          <Descriptions.Item label={lt('digest')}>
            <code style={{ wordBreak: 'break-all' }}>{report.digestSm3}</code>
          </Descriptions.Item>
          <Descriptions.Item label={lt('verifyLink')}>
            <a
              href={`/verify/${encodeURIComponent(report.verificationCode)}`}
              target="_blank"
              rel="noreferrer"
            >
              /verify/{report.verificationCode}
            </a>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </Space>
  );
}
