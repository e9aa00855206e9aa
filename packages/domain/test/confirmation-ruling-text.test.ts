import { describe, expect, it } from 'vitest';
import { applicantsPhrase, type RulingTextInput, rulingText } from '../src/confirmation/ruling-text.ts';

const INPUT: RulingTextInput = {
  caseNumber: '（2026）沪0101民特123号',
  courtName: '上海市黄浦区人民法院',
  applicants: [
    { name: '张三', side: 'investor' },
    { name: '某证券股份有限公司', side: 'respondent' },
  ],
  organizationName: '中证资本市场法律服务中心',
  agreementCaseNumber: 'ZZ-2026-000123',
  agreementEffectiveDate: '2026-09-01',
  agreementTerms: '一、被申请人于2026年9月30日前向申请人支付人民币12,345.67元。\n\n二、履行方式：银行转账。',
  decision: 'confirmed',
  judgeName: '李四',
  ruledOn: '2026-09-15',
};

const LAW = '依照《中华人民共和国民事诉讼法》第二百零五条、第二百零六条规定，裁定如下：';

describe('the 民事裁定书 of a judicial confirmation', () => {
  it('confirms the agreement: case number, parties, terms, the law and the operative sentence', () => {
    const { title, lines } = rulingText({ ...INPUT, acceptedOn: '2026-09-03' });
    const text = lines.join('\n');
    expect(title).toBe('民事裁定书');
    expect(lines.slice(0, 4)).toEqual([
      '上海市黄浦区人民法院',
      '（2026）沪0101民特123号',
      '申请人：张三。',
      '申请人：某证券股份有限公司。',
    ]);
    expect(text).toContain(
      '申请人张三与某证券股份有限公司经中证资本市场法律服务中心主持调解（调解案号：ZZ-2026-000123）',
    );
    expect(text).toContain('该协议于2026年9月1日生效');
    expect(lines).toContain('一、被申请人于2026年9月30日前向申请人支付人民币12,345.67元。');
    expect(lines).toContain('二、履行方式：银行转账。');
    expect(lines).not.toContain('');
    expect(text).toContain('本院于2026年9月3日受理后，依法指定审判员李四进行了审查。');
    expect(text).toContain('符合司法确认调解协议的法定条件');
    expect(lines).toContain(LAW);
    expect(lines).toContain(
      '申请人张三与某证券股份有限公司经中证资本市场法律服务中心主持调解达成的调解协议有效。',
    );
    expect(lines).toContain(
      '当事人应当按照调解协议的约定自觉履行义务。一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请执行。',
    );
    expect(text).not.toContain('驳回');
    expect(lines.slice(-3)).toEqual(['本裁定立即生效。', '审判员　李四', '2026年9月15日']);
  });

  it('rejects the application: the ground found, its provision, and the way back to mediation or court', () => {
    const { lines } = rulingText({
      ...INPUT,
      decision: 'rejected',
      rejectionGround: 'content-unclear',
      reason: '协议未约定付款账户。',
    });
    const text = lines.join('\n');
    expect(text).toContain('（2026）沪0101民特123号');
    expect(text).toContain('申请人：张三。');
    expect(text).toContain('本院受理后，依法指定审判员李四进行了审查。');
    expect(text).toContain(
      '本院经审查认为，协议未约定付款账户，该调解协议内容不明确（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第三百五十八条第五项），不符合司法确认调解协议的法定条件。',
    );
    expect(lines).toContain(LAW);
    expect(lines).toContain('驳回申请人张三与某证券股份有限公司的司法确认申请。');
    expect(lines).toContain(
      '当事人可以通过调解方式变更原调解协议或者达成新的调解协议，也可以向人民法院提起诉讼。',
    );
    expect(text).not.toContain('调解协议有效。');
    expect(text).not.toContain('申请执行');
    expect(lines.slice(-3)).toEqual(['本裁定立即生效。', '审判员　李四', '2026年9月15日']);
  });

  it('rejects without a known ground in general words', () => {
    const { lines } = rulingText({ ...INPUT, decision: 'rejected', rejectionGround: 'bogus', reason: null });
    expect(lines).toContain('本院经审查认为，不符合司法确认调解协议的法定条件。');
    const other = rulingText({ ...INPUT, decision: 'rejected', rejectionGround: 'other' }).lines.join('');
    expect(other).toContain('该调解协议存在其他不能进行司法确认的情形（');
    expect(other).toContain('第三百五十八条第六项');
  });

  it('names several applicants on each side', () => {
    expect(
      applicantsPhrase([
        { name: '张三', side: 'investor' },
        { name: '甲公司', side: 'respondent' },
        { name: '王五', side: 'investor' },
      ]),
    ).toBe('张三、王五与甲公司');
    expect(applicantsPhrase([{ name: '张三', side: 'investor' }])).toBe('张三');
  });
});
