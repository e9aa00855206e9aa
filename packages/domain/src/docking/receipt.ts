import type { SignatureAlgorithm } from './envelope.ts';

/**
 * What a receiver answers to every message, signed with its own key: accepted (applied now), held (stored; an
 * earlier sequence number is missing and it applies when the gap fills), duplicate (already received: the first
 * receipt's outcome stands) or rejected (with a stable code; stored for inspection, the sender does not retry).
 */
export type ReceiptOutcome = 'accepted' | 'held' | 'duplicate' | 'rejected';

export interface Receipt {
  messageId: string;
  /** The platform id of the message's sender (the receipt's addressee). */
  senderId: string;
  /** The receiver's platform id (the receipt's signer). */
  receiverId: string;
  outcome: ReceiptOutcome;
  /** Set when rejected: one of DOCKING_REJECTION_CODES. */
  code: string | null;
  detail: string | null;
  /** SM3 of the canonical body as the receiver computed it: proves which content it received. */
  bodyDigest: string | null;
  receivedAt: string;
}

export interface SignedReceipt {
  receipt: Receipt;
  keyId: string;
  algorithm: SignatureAlgorithm;
  /** Lowercase hex over the canonical JSON of `receipt`. */
  signature: string;
}

/** Why a receiver refuses a message. The envelope check's codes, then the handlers' (`use-cases/docking`). */
export const DOCKING_REJECTION_CODES = {
  MALFORMED: { zh: '报文格式错误', en: 'The message is not a well-formed envelope' },
  UNSUPPORTED_VERSION: { zh: '不支持的报文版本', en: 'Unsupported envelope format version' },
  UNKNOWN_TYPE: { zh: '未知的报文类型', en: 'Unknown message type' },
  WRONG_SENDER_PLATFORM: { zh: '该平台不得发送此类报文', en: 'This platform may not send this message type' },
  UNKNOWN_SENDER: { zh: '未登记的对接平台', en: 'The sender is not a registered peer' },
  UNKNOWN_KEY: { zh: '未登记的签名密钥', en: 'The signing key is not registered for this sender' },
  KEY_NOT_VALID: { zh: '签名密钥不在有效期内', en: 'The signing key is not valid at the message time' },
  BAD_DIGEST: { zh: '报文摘要不符', en: 'The body digest does not match the body' },
  BAD_SIGNATURE: { zh: '签名验证失败', en: 'The signature does not verify' },
  STALE: { zh: '报文时间超出允许范围', en: 'The message time is outside the accepted window' },
  REPLAYED: { zh: '重放的报文', en: 'A replayed message (same id, different content)' },
  INVALID_BODY: { zh: '报文内容不符合规范', en: 'The body does not match its schema' },
  NOT_ADDRESSED_HERE: { zh: '报文接收方错误', en: 'The message is addressed to another platform' },
  UNKNOWN_CASE: { zh: '案件不存在', en: 'No such case on this platform' },
  CASE_STATE: { zh: '案件当前状态不接受此报文', en: 'The case is not in a state that accepts this message' },
  UNKNOWN_ORGANIZATION: { zh: '调解组织不存在', en: 'No such mediation organization' },
  UNKNOWN_MEDIATOR: { zh: '调解员不存在', en: 'No such mediator in that organization' },
  DUPLICATE_CASE: { zh: '案件已存在', en: 'The case already exists here' },
} as const satisfies Record<string, { zh: string; en: string }>;
export type DockingRejectionCode = keyof typeof DOCKING_REJECTION_CODES;
