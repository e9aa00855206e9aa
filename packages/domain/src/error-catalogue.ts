/** Stable error codes. Each code's status and messages never change meaning once published; clients branch on `code`. */
export interface ErrorDefinition {
  readonly status: number;
  /** Message templates; `{name}` placeholders are filled from the error's params. */
  readonly zh: string;
  readonly en: string;
}

export const ERRORS = {
  /** Request body, query or params fail schema or domain validation. */
  VALIDATION_FAILED: { status: 400, zh: '提交的信息有误：{reason}', en: 'Invalid input: {reason}' },
  /**
   * Text in the body, query or path that is not valid Unicode (invalid UTF-8, an unpaired UTF-16 surrogate) or holds
   * a NUL character. Refused before anything is hashed or stored: such text can't be stored as it was hashed.
   */
  INPUT_TEXT_INVALID: {
    status: 400,
    zh: '提交的内容含有无效字符（{field}）：文本须为有效的 UTF-8，不得含 NUL 字符或不成对的代理项。',
    en: 'Invalid characters in {field}: text must be valid UTF-8, without NUL characters or unpaired surrogates.',
  },
  /** A number in the request that no field can hold (beyond ±2^53 − 1, or not finite), whatever the field. */
  INPUT_NUMBER_OUT_OF_RANGE: {
    status: 400,
    zh: '数值超出允许范围（{field}）。',
    en: 'Number out of range in {field}.',
  },
  /** A multipart/form-data body that can't be read (no boundary, cut off, more parts than allowed). */
  MULTIPART_MALFORMED: {
    status: 400,
    zh: '上传的表单格式有误，请重新选择文件上传。',
    en: 'The upload form is malformed; choose the file and upload again.',
  },
  /** A new or changed password does not meet the password policy. */
  PASSWORD_TOO_WEAK: {
    status: 400,
    zh: '密码强度不足：{reason}',
    en: 'Password is too weak: {reason}',
  },
  /** No valid session cookie on a request that needs a signed-in user. */
  AUTH_REQUIRED: { status: 401, zh: '请先登录。', en: 'Please sign in.' },
  /** Wrong password or unknown username (deliberately indistinguishable). */
  AUTH_INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误。', en: 'Incorrect username or password.' },
  /** A sensitive action (signing, sealing) needs the user to re-enter their password and it was missing or wrong. */
  PASSWORD_REQUIRED: {
    status: 401,
    zh: '请重新输入密码以确认此操作。',
    en: 'Please re-enter your password to confirm this action.',
  },
  /** A sensitive action's re-entered password was given but is wrong (counts towards the sign-in lockout). */
  PASSWORD_INCORRECT: {
    status: 401,
    zh: '密码不正确，请重新输入。连续输错 {max} 次，账户将锁定 {minutes} 分钟。',
    en: 'The password is incorrect. Please try again; {max} wrong attempts in a row lock the account for {minutes} minutes.',
  },
  /** Session expired (idle or absolute timeout). */
  AUTH_SESSION_EXPIRED: {
    status: 401,
    zh: '登录已过期，请重新登录。',
    en: 'Your session has expired. Please sign in again.',
  },
  /** A statistics period that is not two real dates, is empty (ends before it starts) or spans over ten years. */
  STATS_PERIOD_INVALID: {
    status: 400,
    zh: '统计期间有误：{reason}。',
    en: 'Invalid statistics period: {reason}.',
  },
  /** A statistics filter naming an organization or mediator outside what the reader may see. */
  STATS_SCOPE_FORBIDDEN: {
    status: 403,
    zh: '您只能查看本机构及其下属工作站的统计。',
    en: 'You may read the statistics of your own organization and its workstations only.',
  },
  /** A training course that can't be held as described (no hours, ends before it starts, no place, wrong audience). */
  TRAINING_COURSE_INVALID: {
    status: 400,
    zh: '培训课程信息有误：{reason}。',
    en: 'Invalid training course: {reason}.',
  },
  /** An annual hour requirement out of range, or for a past year (whose flags it already decided). */
  TRAINING_REQUIREMENT_INVALID: {
    status: 400,
    zh: '学时要求有误：{reason}。',
    en: 'Invalid hour requirement: {reason}.',
  },
  /** Attendance that can't be recorded: hours beyond the course's, someone not enrolled, or before the course began. */
  TRAINING_ATTENDANCE_INVALID: {
    status: 400,
    zh: '考勤记录有误：{reason}。',
    en: 'Invalid attendance: {reason}.',
  },
  /** Downloading a course's material without being enrolled in it (nor overseeing it). */
  TRAINING_NOT_ENROLLED: {
    status: 403,
    zh: '报名参加该课程后才能下载课程资料。',
    en: 'Enroll in the course to download its materials.',
  },
  /** Enrolling in a course whose places are all taken. */
  TRAINING_COURSE_FULL: {
    status: 409,
    zh: '该课程名额已满。',
    en: 'This course is full.',
  },
  /** Enrolling or withdrawing after the course has started, or acting on a completed or cancelled course. */
  TRAINING_COURSE_CLOSED: {
    status: 409,
    zh: '该课程已开始、已结业或已取消，不能进行此操作。',
    en: 'This course has started, been completed or been cancelled; this is no longer possible.',
  },
  /** Compare-and-set on a course failed: someone changed it since the reader loaded it. */
  TRAINING_COURSE_CHANGED: {
    status: 409,
    zh: '课程信息已变化，请刷新后重试。',
    en: 'The course has changed. Please reload and try again.',
  },
  /** A course open to other roles than the actor's. */
  TRAINING_NOT_ELIGIBLE: {
    status: 403,
    zh: '该课程不面向您的角色。',
    en: 'This course is not open to your role.',
  },
  /** A mediator whose grace period for last year's training hours has passed. */
  TRAINING_HOURS_SHORT: {
    status: 409,
    zh: '该调解员 {year} 年度培训学时不足（尚缺 {missing} 学时），宽限期已过，补足前不能指派。',
    en: 'This mediator is {missing} training hours short for {year} and the grace period has passed; they cannot be assigned until the hours are made up.',
  },
  /** Scorecard weights that are not whole percentages adding up to 100, or name an unknown indicator. */
  EVALUATION_WEIGHTS_INVALID: {
    status: 400,
    zh: '评估权重有误：{reason}。',
    en: 'Invalid scorecard weights: {reason}.',
  },
  /** A scorecard version for a past year: last year's scorecards must stay reproducible. */
  EVALUATION_VERSION_PAST: {
    status: 400,
    zh: '评估方案只能自本年度（{year}）或以后生效，往年的评估结果不可改变。',
    en: 'A scorecard version can take effect from this year ({year}) or later; past years’ scorecards stay as they were.',
  },
  /** A survey answer out of range or a question that doesn't exist. */
  SURVEY_INVALID: {
    status: 400,
    zh: '问卷填写有误：{reason}。',
    en: 'Invalid survey: {reason}.',
  },
  /** A session scheduled with a bad time, length or participants, or a signaling frame that is not a message. */
  SESSION_INVALID: {
    status: 400,
    zh: '调解会话参数有误：{reason}。',
    en: 'Invalid mediation session: {reason}.',
  },
  /** Joining or acting in a session that is not open (not yet opened, ended or cancelled). */
  SESSION_NOT_OPEN: {
    status: 409,
    zh: '调解会话未开启或已结束。',
    en: 'The mediation session is not open.',
  },
  /** A participant still in the waiting room (or removed) tried to talk to the room. */
  SESSION_NOT_ADMITTED: {
    status: 409,
    zh: '请在候场室等待调解员准许入场。',
    en: 'Please wait in the waiting room until the mediator admits you.',
  },
  /** Recording asked for while someone admitted to the session has not consented to it. */
  RECORDING_CONSENT_MISSING: {
    status: 409,
    zh: '录音录像须经全体参加人同意，尚未同意：{names}。',
    en: 'Recording needs everyone’s consent; not yet consented: {names}.',
  },
  /** A recording chunk that is empty, too large, out of range or not what its SHA-256 header says. */
  RECORDING_CHUNK_INVALID: {
    status: 400,
    zh: '录像分段有误：{reason}。',
    en: 'Invalid recording chunk: {reason}.',
  },
  /** A chunk number sent again with different bytes: the first one is kept. */
  RECORDING_CHUNK_CONFLICT: {
    status: 409,
    zh: '该序号的录像分段已上传且内容不同。',
    en: 'A different chunk was already uploaded under this number.',
  },
  /** Finishing a recording while chunks are missing: the browser sends them, then finishes again. */
  RECORDING_INCOMPLETE: {
    status: 409,
    zh: '录像分段不完整，缺少第 {missing} 段。',
    en: 'The recording is incomplete: chunks {missing} are missing.',
  },
  /** A survey for a case whose mediation has not ended, by someone not a party, or a second one by the same side. */
  SURVEY_NOT_OPEN: {
    status: 409,
    zh: '{reason}',
    en: '{reason}',
  },
  /** Missing or wrong x-csrf-token on a state-changing request. */
  CSRF_INVALID: {
    status: 403,
    zh: '请求校验失败，请刷新页面后重试。',
    en: 'Request verification failed. Please reload the page and try again.',
  },
  /** The actor lacks the permission, or is not a participant of the case. */
  FORBIDDEN: { status: 403, zh: '您无权执行此操作。', en: 'You are not allowed to do this.' },
  /** The other platform did not answer (or answered without a valid receipt); the link retries by itself. */
  DOCKING_PEER_UNAVAILABLE: {
    status: 502,
    zh: '对接平台暂时无法访问，请稍后再试。',
    en: 'The other platform cannot be reached just now; try again later.',
  },
  /** A file fetched from the other platform does not match the hashes its signed message gave. */
  DOCKING_ATTACHMENT_MISMATCH: {
    status: 502,
    zh: '对接平台返回的附件与报文中的摘要不符，已拒收。',
    en: 'The file from the other platform does not match the digests in its message; refused.',
  },
  /** A transition would send a docking message, but no peer platform is registered to take it. */
  DOCKING_NO_PEER: {
    status: 409,
    zh: '尚未登记对接平台，无法发送（请联系系统管理员登记）。',
    en: 'No peer platform is registered to send this to (ask the system administrator to register it).',
  },
  /** Role assignment would break separation of duties among system, security and audit administrators. */
  ROLE_CONFLICT: {
    status: 403,
    zh: '角色冲突：系统、安全、审计管理员职责必须分离（{roles}）。',
    en: 'Role conflict: system, security and audit administration must be held by different people ({roles}).',
  },
  /** Unknown id, or an id the actor may not know exists. */
  NOT_FOUND: { status: 404, zh: '未找到{entity}。', en: '{entity} not found.' },
  /** Verification code on /api/verify/:code matches no effective agreement. */
  VERIFY_NOT_FOUND: {
    status: 404,
    zh: '未找到该验证码对应的文书。',
    en: 'No document matches this verification code.',
  },
  /** A verification code that cannot be one (wrong length or characters): no lookup is made. */
  VERIFY_CODE_MALFORMED: {
    status: 400,
    zh: '验证码格式不正确：验证码为 12 位字母和数字（如 7KQ4-MXTA-93HC），见文书末页。',
    en: 'This is not a verification code: codes have 12 letters and digits (e.g. 7KQ4-MXTA-93HC), printed on the last page.',
  },
  /** The court platform issues no verifiable documents yet; agreements and loss reports are verified where issued. */
  VERIFY_ISSUED_ELSEWHERE: {
    status: 404,
    zh: '本平台尚未签发可验证的文书。调解协议书和损失核定报告请在签发它们的在线调解平台验证。',
    en: 'This platform has issued no verifiable documents yet. Verify mediation agreements and loss reports on the mediation platform that issued them.',
  },
  /** A message or record entry on a case that is closed (withdrawn, terminated, not accepted, failed, performed). */
  CASE_CLOSED: {
    status: 409,
    zh: '案件已结束（{state}），不能再留言。',
    en: 'The case is closed ({state}); no more messages can be posted.',
  },
  /** An agreement may not award more than the investor claimed. */
  AGREEMENT_AMOUNT_EXCEEDS_CLAIM: {
    status: 422,
    zh: '协议金额（{amount}）不能超过申请人的请求金额（{claim}）。',
    en: 'The agreed amount ({amount}) may not exceed the amount claimed ({claim}).',
  },
  /** An agreement's due date before today or further ahead than the limit (Beijing dates). */
  AGREEMENT_DUE_DATE_IMPLAUSIBLE: {
    status: 422,
    zh: '履行期限须在今天（{today}）至 {latest} 之间。',
    en: 'The due date must fall between today ({today}) and {latest}.',
  },
  /** Compare-and-set failed: the case's state or version moved since the client read it. */
  CASE_STATE_CONFLICT: {
    status: 409,
    zh: '案件状态已变化，请刷新后重试。',
    en: 'The case has changed. Please reload and try again.',
  },
  /** The event is not defined for the case's current state. */
  CASE_ILLEGAL_EVENT: {
    status: 409,
    zh: '案件当前状态（{state}）不允许执行“{event}”。',
    en: 'Action "{event}" is not allowed while the case is {state}.',
  },
  /** A unique value (username, case number, message id) already exists. */
  DUPLICATE: { status: 409, zh: '{entity}已存在。', en: '{entity} already exists.' },
  /**
   * Self-registration with a username or an ID number that already has an account. Deliberately does not say
   * which, so the form can't be used to find out whether a person is registered.
   */
  DUPLICATE_ACCOUNT: {
    status: 409,
    zh: '用户名或证件号已被注册。',
    en: 'The username or ID number is already registered.',
  },
  /** Upload exceeds the size limit. */
  UPLOAD_TOO_LARGE: {
    status: 413,
    zh: '文件过大，最大允许 {maxMb} MB。',
    en: 'File too large; the limit is {maxMb} MB.',
  },
  /** Upload's detected type is not PDF/PNG/JPEG. */
  UPLOAD_TYPE_NOT_ALLOWED: {
    status: 415,
    zh: '不支持的文件类型，请上传 PDF、PNG 或 JPEG。',
    en: 'Unsupported file type; upload a PDF, PNG or JPEG.',
  },
  /** An uploaded loss-assessment file has problems; the body lists each with file, line and column. Nothing was stored. */
  LOSS_INPUT_INVALID: {
    status: 422,
    zh: '文件有 {count} 处问题，未保存，请修改后重新上传。',
    en: 'The file has {count} problem(s) and was not stored; fix them and upload again.',
  },
  /** A named lifecycle guard rejected the transition (e.g. a securities firm refusing an ordinary investor). */
  GUARD_FAILED: {
    status: 422,
    zh: '不满足操作条件：{guard}',
    en: 'Precondition not met: {guard}',
  },
  /**
   * A judicial confirmation application that may not be made now (agreement not effective, the 30-day window closed,
   * a live application, no competent court …); the body's details list every problem with its code.
   */
  CONFIRMATION_NOT_ALLOWED: {
    status: 422,
    zh: '不能申请司法确认：{reason}',
    en: 'Judicial confirmation cannot be applied for: {reason}',
  },
  /** The court chosen for a judicial confirmation is not one of the competent courts the platform routed. */
  CONFIRMATION_COURT_NOT_COMPETENT: {
    status: 422,
    zh: '所选法院不是本案有管辖权的法院，请从列出的法院中选择。',
    en: 'The chosen court is not competent for this case; choose one of the courts listed.',
  },
  /** Only a party to the case (the investor or the respondent firm) may apply for or join a judicial confirmation. */
  CONFIRMATION_NOT_A_PARTY: {
    status: 403,
    zh: '只有本案当事人（投资者或被申请人）可以申请司法确认。',
    en: 'Only a party to the case (the investor or the respondent firm) may apply for judicial confirmation.',
  },
  /** A complaint entered at the court without at least one plaintiff and one defendant. */
  COURT_PARTIES_MISSING: {
    status: 422,
    zh: '起诉材料须列明至少一名原告和一名被告（姓名及身份证号码或统一社会信用代码）。',
    en: 'The complaint must name at least one plaintiff and one defendant (name and ID number or unified social credit code).',
  },
  /** A complaint entered at the court without its claims (诉讼请求) or the amount claimed. */
  COURT_CLAIMS_MISSING: {
    status: 422,
    zh: '起诉材料须写明诉讼请求及标的金额。',
    en: 'The complaint must state the claims and the amount claimed.',
  },
  /** A party's resident ID number or unified social credit code that fails its check digit or format. */
  COURT_PARTY_ID_INVALID: {
    status: 422,
    zh: '当事人“{name}”的证件号码无效：自然人须为18位居民身份证号码，单位须为18位统一社会信用代码。',
    en: 'The ID number of party "{name}" is not valid: an 18-character resident ID number for a person, an 18-character unified social credit code for an organization.',
  },
  /** A delegation or entrustment names an organization or mediator that is not in the synced directory. */
  COURT_DIRECTORY_UNKNOWN: {
    status: 422,
    zh: '所选{entity}不在已同步的调解组织名册中，请刷新名册后重新选择。',
    en: 'The chosen {entity} is not in the synced mediation directory; refresh it and choose again.',
  },
  /** A date falls in a year for which the working-day calendar has no data. */
  CALENDAR_YEAR_UNSUPPORTED: {
    status: 422,
    zh: '{year} 年的工作日历尚未配置。',
    en: 'No working-day calendar is configured for {year}.',
  },
  /** Account locked after repeated failed sign-ins. */
  AUTH_LOCKED: {
    status: 423,
    zh: '连续输错密码，账户已临时锁定，请在 {minutes} 分钟后（北京时间 {until} 后）再试，或联系系统管理员解锁。',
    en: 'Too many wrong passwords: the account is locked. Try again in {minutes} minutes (after {until} Beijing time), or ask the system administrator to unlock it.',
  },
  /** Too many requests from one client or for one account. */
  RATE_LIMITED: {
    status: 429,
    zh: '操作过于频繁，请稍后再试。',
    en: 'Too many requests. Please try again later.',
  },
  /** Unexpected failure; details are logged, never sent to the client. */
  INTERNAL: { status: 500, zh: '系统内部错误，请稍后再试。', en: 'Internal error. Please try again later.' },
  /** A dependency (database, docking peer) is unavailable. */
  SERVICE_UNAVAILABLE: {
    status: 503,
    zh: '服务暂时不可用，请稍后再试。',
    en: 'Service temporarily unavailable. Please try again later.',
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERRORS;
