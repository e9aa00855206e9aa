import { usePageText } from '../i18n/page-text.ts';

/** Case page strings for choosing a mediator, closed cases and drafts. */
const zh = {
  chooseHint:
    '调解员须由双方共同选定：您和对方选择同一位调解员后，调解即开始；对方尚未选择或选择不同时，调解组织也可指定调解员。',
  chosenWaiting: '已选择调解员 {name}，等待对方选择。双方选择同一位调解员后调解开始。',
  choicesTitle: '调解员选择',
  choiceInvestor: '申请人选择',
  choiceRespondent: '被申请人选择',
  choiceNone: '尚未选择',
  choicesAgree: '双方选择一致，调解开始。',
  choicesDiffer: '双方选择不同，请协商一致，或由调解组织指定。',
  choicesWaiting: '须双方选择同一位调解员，调解才开始。',
  closedNoMessages: '案件已结束，不能再留言。',
  readOnlyNoMessages: '您可查看留言，但不参与本案，不能留言。',
  amountAboveClaim: '协议金额（{amount}）不能超过申请人的请求金额（{claim}）。',
  dueDateRange: '履行期限须在今天（{today}）至 {latest} 之间。',
};
const en: typeof zh = {
  chooseHint:
    'Both parties choose the mediator together: mediation starts once you and the other side choose the same one. Until then, or if you disagree, the organization may assign one.',
  chosenWaiting:
    'You chose {name}; waiting for the other side. Mediation starts once both choose the same mediator.',
  choicesTitle: 'Choice of mediator',
  choiceInvestor: 'Applicant chose',
  choiceRespondent: 'Respondent chose',
  choiceNone: 'not yet chosen',
  choicesAgree: 'Both chose the same mediator: mediation starts.',
  choicesDiffer: 'The parties chose different mediators: agree on one, or the organization assigns one.',
  choicesWaiting: 'Mediation starts only when both parties choose the same mediator.',
  closedNoMessages: 'The case is closed; no more messages can be posted.',
  readOnlyNoMessages: 'You can read the messages but are not a party to this case, so you cannot post.',
  amountAboveClaim: 'The agreed amount ({amount}) may not exceed the amount claimed ({claim}).',
  dueDateRange: 'The due date must fall between today ({today}) and {latest}.',
};

export const useCaseText = () => usePageText(zh, en);
