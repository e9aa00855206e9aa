import type { AgreementPdfInput } from '../../src/adapters/pdf/render-agreement-pdf.ts';

/** An agreement as it stands once both parties, the mediator and the organization have signed. */
export function sealedAgreementInput(overrides: Partial<AgreementPdfInput> = {}): AgreementPdfInput {
  const signature =
    '3045022100c1a5f0e2b7d94c3a8e6f1b2d3c4a5e6f7081928374655647382910abcdef0123022054f8e7d6c5b4a3928170f6e5d4c3b2a1908f7e6d5c4b3a2918071625344352';
  const fingerprint = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
  return {
    title: '调解协议书',
    caseNumber: '（2026）沪证调字第 0001 号',
    organizationName: '上海证券期货纠纷调解中心',
    parties: [
      { role: '申请人', name: '张三', idMasked: '1****************7' },
      { role: '被申请人', name: '某某证券股份有限公司' },
      { role: '调解员', name: '李四' },
    ],
    facts: '申请人因被申请人虚假陈述导致投资损失，于 2026 年 1 月向上海金融法院起诉，法院委派本中心调解。',
    terms: { amountFen: 1_234_567, paymentTerms: '银行转账至申请人指定账户', dueDate: '2026-03-31' },
    text: '经调解，双方自愿达成如下协议：\n被申请人向申请人支付投资差额损失、佣金及印花税损失共计人民币壹万贰仟叁佰肆拾伍元陆角柒分。\n申请人收到上述款项后，不再就本案事实向被申请人主张任何权利。',
    digestSm3: '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    signatures: [
      {
        role: '申请人',
        name: '张三',
        signedAt: new Date('2026-02-10T02:15:00Z'),
        algorithm: 'SM2',
        signatureHex: signature,
        publicKeyFingerprint: fingerprint,
      },
      {
        role: '被申请人',
        name: '某某证券股份有限公司',
        signedAt: new Date('2026-02-10T03:20:30Z'),
        algorithm: 'SM2',
        signatureHex: signature,
        publicKeyFingerprint: fingerprint,
      },
      {
        role: '调解员',
        name: '李四',
        signedAt: new Date('2026-02-10T03:25:00Z'),
        algorithm: 'SM2',
        signatureHex: signature,
        publicKeyFingerprint: fingerprint,
      },
    ],
    sealedAt: new Date('2026-02-10T03:30:00Z'),
    organizationSeal: { name: '上海证券期货纠纷调解中心', signatureHex: signature },
    verificationCode: 'SZ7K-Q4MP-2XRA',
    verifyUrl: 'https://sutiao.example.cn/verify/SZ7K-Q4MP-2XRA',
    ...overrides,
  };
}
