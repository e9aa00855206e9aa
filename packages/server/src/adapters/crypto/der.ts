// Just enough DER to read and write SubjectPublicKeyInfo, PKCS#8 and SEC1 EC keys.

export const DerTag = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  sequence: 0x30,
  context0: 0xa0,
  context1: 0xa1,
} as const;

export interface DerNode {
  tag: number;
  content: Uint8Array;
  children: DerNode[];
}

const constructedTags = new Set<number>([DerTag.sequence, DerTag.context0, DerTag.context1]);

export function encodeDer(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const lengthBytes: number[] = [];
  if (length < 0x80) lengthBytes.push(length);
  else {
    for (let rest = length; rest > 0; rest >>= 8) lengthBytes.unshift(rest & 0xff);
    lengthBytes.unshift(0x80 | lengthBytes.length);
  }
  return Buffer.concat([Uint8Array.of(tag, ...lengthBytes), ...parts]);
}

function readNode(bytes: Uint8Array, start: number): { node: DerNode; end: number } {
  const tag = bytes[start];
  let length = bytes[start + 1];
  if (tag === undefined || length === undefined) throw new Error('DER: truncated');
  let offset = start + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 3) throw new Error('DER: unsupported length');
    length = 0;
    for (let i = 0; i < count; i++) length = (length << 8) | (bytes[offset + i] ?? 0);
    offset += count;
  }
  const end = offset + length;
  if (end > bytes.length) throw new Error('DER: truncated');
  const content = bytes.subarray(offset, end);
  const children: DerNode[] = [];
  if (constructedTags.has(tag)) {
    for (let at = 0; at < content.length; ) {
      const child = readNode(content, at);
      children.push(child.node);
      at = child.end;
    }
  }
  return { node: { tag, content, children }, end };
}

export function parseDer(bytes: Uint8Array): DerNode {
  const { node, end } = readNode(bytes, 0);
  if (end !== bytes.length) throw new Error('DER: trailing bytes');
  return node;
}

export function pemToDer(pem: string, label: string): Uint8Array {
  const match = new RegExp(`-----BEGIN ${label}-----([\\s\\S]+?)-----END ${label}-----`).exec(pem);
  if (!match?.[1]) throw new Error(`PEM: no ${label} block`);
  return Buffer.from(match[1].replace(/\s+/g, ''), 'base64');
}

export function derToPem(der: Uint8Array, label: string): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
