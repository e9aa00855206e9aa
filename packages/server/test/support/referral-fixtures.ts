import { randomUUID } from 'node:crypto';
import type { DelegationBody } from '@sutiao/domain/docking/message-bodies.ts';
import type { LinkedPlatforms } from './linked-platforms.ts';
import { TEST_PLATFORM_IDS } from './test-deps.ts';

/** A court's delegation of a securities dispute to the Shanghai workstation (ws-10), as the court would send it. */
export function delegationBody(overrides: Partial<DelegationBody> = {}): DelegationBody {
  return {
    court: { id: 'court-sh-fin', name: '上海金融法院', code: '沪74' },
    preFilingNumber: '(2026)沪74民诉前调12号',
    organizationId: 'ws-10',
    mediatorId: null,
    parties: [
      {
        kind: 'person',
        role: 'plaintiff',
        name: '张伟',
        idNumber: '31010119800101123X',
        phone: '13812345678',
        address: null,
      },
      {
        kind: 'organization',
        role: 'defendant',
        name: '华信证券股份有限公司',
        idNumber: '91310000MA1HX0001A',
        phone: null,
        address: '上海市浦东新区',
      },
    ],
    claims: '判令被告赔偿原告投资损失人民币 52,000 元',
    claimAmountFen: 5_200_000,
    facts: '原告于 2024 年在被告处开户，被告工作人员推荐高风险产品，未进行适当性评估。',
    consentRecordedAt: new Date().toISOString(),
    deadlineDate: '2099-12-31',
    attachments: [],
    ...overrides,
  };
}

/** What the court platform's delegate use case does on the link: one outbox message in one transaction. */
export async function courtSends(
  link: LinkedPlatforms,
  type: 'case.delegate' | 'case.entrust' | 'case.withdrawal' | 'case.extension' | 'case.filing-notice',
  caseRef: string,
  body: unknown,
): Promise<void> {
  await link.court.deps.db
    .transaction()
    .execute((trx) =>
      link.court.deps.outbox.enqueue(trx, [{ type, peerId: TEST_PLATFORM_IDS.mediation, caseRef, body }]),
    );
}

export const newCaseRef = (): string => randomUUID();
