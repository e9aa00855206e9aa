import { describe, expect, it } from 'vitest';
import { agreementText, chineseDate } from '../src/agreement-template.ts';

describe('agreement template', () => {
  const input = {
    caseNumber: '（2026）中证调字第 0001 号',
    organizationName: '中证资本市场法律服务中心',
    investorName: '张伟',
    respondentName: '华信证券股份有限公司',
    mediatorName: '刘调解',
    requests: '请求赔偿\n投资差额损失。',
    terms: { amountFen: 1_234_567, paymentTerms: '银行转账。', dueDate: '2027-03-31' },
  };

  it('states parties, case number, amount, due date and payment terms, one paragraph per line', () => {
    const text = agreementText(input);
    const lines = text.split('\n');
    expect(lines[0]).toContain('申请人张伟与被申请人华信证券股份有限公司');
    expect(lines[0]).toContain('（2026）中证调字第 0001 号');
    expect(lines[0]).toContain('请求赔偿 投资差额损失。');
    expect(text).toContain('于2027年3月31日前向申请人支付人民币¥12,345.67');
    expect(text).toContain('二、履行方式：银行转账。'); // no doubled full stop
    expect(text).toContain('三十日内');
  });

  it('formats ISO dates the Chinese way and leaves other text alone', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(chineseDate('收到协议后十日内')).toBe('收到协议后十日内');
  });
});
