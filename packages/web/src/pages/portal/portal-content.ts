/**
 * The public portal's content (no sign-in): how to apply, a guide per dispute type, typical cases (illustrative,
 * anonymized), and questions people ask. Kept as data beside the pages, in both languages.
 */
export interface Entry {
  title: string;
  body: string[];
}

interface PortalContent {
  steps: Entry[];
  guides: (Entry & { prepare: string[] })[];
  cases: Entry[];
  faq: Entry[];
}

const zh: PortalContent = {
  steps: [
    { title: '注册账户', body: ['在本平台以本人身份证号和手机号注册，或由代理人代为申请。'] },
    {
      title: '提交调解申请',
      body: [
        '选择被申请人（证券公司、期货公司、基金公司或上市公司），写明请求金额、事实和理由，上传证据，阅读并同意在线调解和个人信息处理说明。可先保存草稿。',
      ],
    },
    {
      title: '登记与受理',
      body: [
        '材料齐全的当日登记。调解组织在 2 个工作日内征询被申请人意见，3 个工作日内决定是否受理，不予受理的会说明理由。',
        '普通投资者与证券公司发生纠纷申请调解的，证券公司不得拒绝（《证券法》第九十四条）；普通交易者与期货经营机构发生期货业务纠纷的，同样不得拒绝（《期货和衍生品法》）。',
      ],
    },
    {
      title: '在线调解',
      body: [
        '调解组织确定程序（简易、普通、小额速调、复杂），双方可共同选定调解员；调解员可组织线上音视频调解，无需到场。',
      ],
    },
    {
      title: '达成协议与司法确认',
      body: [
        '调解成功的，双方和调解员在线签署协议，调解组织盖章后生效。自协议生效之日起 30 日内，双方可在线共同向有管辖权的人民法院申请司法确认，法院不收费；确认后协议可申请强制执行。',
        '调解不成的，可记载双方无争议的事实，您仍可向人民法院起诉。',
      ],
    },
  ],
  guides: [
    {
      title: '与证券公司的纠纷',
      body: ['常见：产品与风险承受能力不匹配（适当性）、融资融券强制平仓、交易系统故障、佣金与费用。'],
      prepare: ['开户协议与风险测评结果', '交易记录或对账单', '与工作人员的沟通记录（短信、录音、聊天记录）'],
    },
    {
      title: '与期货公司的纠纷',
      body: ['常见：强行平仓、保证金追加通知、交易指令执行。'],
      prepare: ['期货经纪合同', '结算单与追保通知', '委托与成交记录'],
    },
    {
      title: '与基金公司或销售机构的纠纷',
      body: ['常见：基金销售适当性、宣传材料与实际不符、赎回与费用。'],
      prepare: ['购买凭证与风险测评', '宣传材料或推介记录', '赎回申请与到账记录'],
    },
    {
      title: '上市公司虚假陈述',
      body: [
        '因上市公司虚假陈述受损的投资者，损失按实施日、揭露日、基准日和基准价计算（损失核定），法院可委托调解组织核定。已有示范判决的，同类案件可参照调解。',
      ],
      prepare: ['证券账户及交易记录（买入、卖出、持有）', '涉及的公司和股票代码', '已知的揭露日或相关公告'],
    },
  ],
  cases: [
    {
      title: '示例一：高风险产品的适当性纠纷',
      body: [
        '一位风险承受能力为保守型的退休投资者经推荐购入高风险产品后亏损。调解员组织双方线上调解，证券公司认可未充分揭示风险，双方按亏损的六成达成协议，三周内履行完毕。',
      ],
    },
    {
      title: '示例二：期货强行平仓',
      body: [
        '投资者认为期货公司强平前未按约定通知追加保证金。调解中双方核对了通知记录，协商由期货公司补偿部分手续费和损失，协议经法院司法确认。',
      ],
    },
    {
      title: '示例三：虚假陈述群体纠纷',
      body: [
        '法院对一起虚假陈述案件作出示范判决后，将平行案件委托调解。调解组织依法院确定的参数核定每位投资者的损失，多数投资者按核定金额达成协议。',
      ],
    },
  ],
  faq: [
    {
      title: '调解协议有什么效力？',
      body: [
        '调解协议经双方签署、调解组织盖章后生效，具有民事合同性质；经人民法院司法确认后，一方不履行的，另一方可申请强制执行。',
      ],
    },
    {
      title: '调解需要多长时间？',
      body: [
        '一般在 30 日内完成；法院委派的调解为 30 日，诉讼中委托的调解为 15 日（简易程序 7 日），经双方同意可以延长。',
      ],
    },
    {
      title: '调解不成还能起诉吗？',
      body: ['可以。调解不影响您起诉的权利；法院委派的案件调解不成的，由法院登记立案。'],
    },
    { title: '需要到现场吗？', body: ['不需要。申请、调解、签署协议和申请司法确认都可以在线完成。'] },
    {
      title: '我的个人信息如何保护？',
      body: [
        '身份证号、手机号等加密保存，页面上按需遮蔽显示；只有办理您案件的人员可以查看，每次查看都有记录。',
      ],
    },
    {
      title: '如何核验调解协议或法院文书的真伪？',
      body: ['在“文书验证”页面输入文书上的验证码，或扫描文书上的二维码。'],
    },
  ],
};

const en: PortalContent = {
  steps: [
    {
      title: 'Register',
      body: ['Register with your ID number and mobile phone, or have an agent apply for you.'],
    },
    {
      title: 'Apply for mediation',
      body: [
        'Choose the firm (securities, futures or fund company, or listed company), state your claim and the facts, upload evidence, and agree to online mediation and the personal-data notice. You can save a draft first.',
      ],
    },
    {
      title: 'Registration and acceptance',
      body: [
        'A complete application is registered the same day. The organization consults the firm within 2 working days and decides within 3 working days, giving reasons if it does not accept.',
        'A securities firm may not refuse mediation requested by an ordinary investor (Securities Law art. 94), nor a futures firm an ordinary trader about futures business (Futures and Derivatives Law).',
      ],
    },
    {
      title: 'Mediation online',
      body: [
        'The organization sets the track (simple, ordinary, small-claim fast, complex); the parties may choose the mediator together, who can mediate by video — no travel needed.',
      ],
    },
    {
      title: 'Agreement and judicial confirmation',
      body: [
        'When you settle, both parties and the mediator sign online and the organization seals the agreement. Within 30 days of it taking effect both parties can apply online to the competent court for judicial confirmation, free of charge; a confirmed agreement can be enforced.',
        'If mediation fails, the undisputed facts can be recorded and you can still go to court.',
      ],
    },
  ],
  guides: [
    {
      title: 'Disputes with a securities firm',
      body: [
        'Common: products unsuited to your risk profile, forced liquidation of margin accounts, trading-system failures, fees.',
      ],
      prepare: [
        'Account agreement and risk assessment',
        'Trade records or statements',
        'Messages or recordings with staff',
      ],
    },
    {
      title: 'Disputes with a futures firm',
      body: ['Common: forced liquidation, margin calls, order execution.'],
      prepare: ['Brokerage contract', 'Settlement statements and margin calls', 'Order and fill records'],
    },
    {
      title: 'Disputes with a fund company or distributor',
      body: ['Common: suitability, marketing that did not match the product, redemption and fees.'],
      prepare: [
        'Purchase records and risk assessment',
        'Marketing material',
        'Redemption requests and payments',
      ],
    },
    {
      title: 'Misrepresentation by a listed company',
      body: [
        'Losses caused by a listed company’s misrepresentation are computed from the implementation, disclosure and base dates and the base price (loss assessment), which a court can entrust to the mediation center. After a demonstration judgment, similar cases can be mediated on its basis.',
      ],
      prepare: [
        'Securities account and trades (buys, sells, holdings)',
        'The company and its stock code',
        'The disclosure date or announcements, if known',
      ],
    },
  ],
  cases: [
    {
      title: 'Example 1: an unsuitable high-risk product',
      body: [
        'A retired investor with a conservative risk profile lost money on a high-risk product he was advised to buy. At an online session the firm accepted it had not explained the risks; they settled at 60 % of the loss, paid within three weeks.',
      ],
    },
    {
      title: 'Example 2: forced liquidation of a futures position',
      body: [
        'An investor said the futures firm had not issued the agreed margin call before liquidating. The parties went through the notice records and agreed a partial refund of fees and losses; a court confirmed the agreement.',
      ],
    },
    {
      title: 'Example 3: a group misrepresentation case',
      body: [
        'After a demonstration judgment, a court entrusted the parallel cases to mediation. The organization assessed each investor’s loss on the court’s parameters, and most settled at the assessed amounts.',
      ],
    },
  ],
  faq: [
    {
      title: 'Is a mediation agreement binding?',
      body: [
        'It takes effect once both parties sign and the organization seals it, as a civil contract; once a court confirms it, it can be enforced if a party does not perform.',
      ],
    },
    {
      title: 'How long does it take?',
      body: [
        'Usually within 30 days; 30 days for a court’s pre-filing delegation, 15 days (7 in summary procedure) for an entrustment during litigation, longer with both parties’ consent.',
      ],
    },
    {
      title: 'Can I still sue if mediation fails?',
      body: [
        'Yes. Mediation does not take away your right to sue; a delegated case that fails is filed by the court.',
      ],
    },
    {
      title: 'Do I need to attend in person?',
      body: ['No. Applying, mediating, signing and applying for confirmation all happen online.'],
    },
    {
      title: 'How is my personal data protected?',
      body: [
        'ID and phone numbers are stored encrypted and shown masked; only the people handling your case can see them, and every view is recorded.',
      ],
    },
    {
      title: 'How do I check that an agreement or a court document is genuine?',
      body: ['Enter the code printed on it on the document verification page, or scan its QR code.'],
    },
  ],
};

export const portalContent = (lang: 'zh' | 'en'): PortalContent => (lang === 'en' ? en : zh);
