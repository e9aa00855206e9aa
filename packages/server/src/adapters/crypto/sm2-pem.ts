import { type DerNode, DerTag, derToPem, encodeDer, parseDer, pemToDer } from './der.ts';

// id-ecPublicKey 1.2.840.10045.2.1 and the SM2 curve 1.2.156.10197.1.301 (GB/T 33560), DER-encoded.
const idEcPublicKey = Buffer.from('2a8648ce3d0201', 'hex');
const sm2CurveOid = Buffer.from('2a811ccf5501822d', 'hex');

const algorithmIdentifier = () =>
  encodeDer(DerTag.sequence, encodeDer(DerTag.oid, idEcPublicKey), encodeDer(DerTag.oid, sm2CurveOid));

function hexBytes(hex: string, length: number, what: string): Buffer {
  if (!new RegExp(`^[0-9a-fA-F]{${length * 2}}$`).test(hex)) throw new Error(`SM2: malformed ${what}`);
  return Buffer.from(hex, 'hex');
}

function isOid(node: DerNode | undefined, oid: Buffer): boolean {
  return node?.tag === DerTag.oid && oid.equals(node.content);
}

/** Uncompressed public key hex (04‖X‖Y) → SubjectPublicKeyInfo PEM with the SM2 curve OID. */
export function sm2PublicKeyToPem(publicKeyHex: string): string {
  const point = hexBytes(publicKeyHex, 65, 'public key');
  const bitString = encodeDer(DerTag.bitString, Uint8Array.of(0), point);
  return derToPem(encodeDer(DerTag.sequence, algorithmIdentifier(), bitString), 'PUBLIC KEY');
}

/** SubjectPublicKeyInfo PEM → uncompressed public key hex; rejects keys not on the SM2 curve. */
export function sm2PublicKeyFromPem(pem: string): string {
  const [algorithm, bitString] = parseDer(pemToDer(pem, 'PUBLIC KEY')).children;
  const [keyType, curve] = algorithm?.children ?? [];
  if (!isOid(keyType, idEcPublicKey) || !isOid(curve, sm2CurveOid))
    throw new Error('SM2: not an SM2 public key');
  if (bitString?.tag !== DerTag.bitString || bitString.content.length !== 66 || bitString.content[1] !== 4) {
    throw new Error('SM2: expected an uncompressed public key');
  }
  return Buffer.from(bitString.content.subarray(1)).toString('hex');
}

/** Private key hex → PKCS#8 PEM (ECPrivateKey inside carries the public key too, as openssl writes it). */
export function sm2PrivateKeyToPem(privateKeyHex: string, publicKeyHex: string): string {
  const ecPrivateKey = encodeDer(
    DerTag.sequence,
    encodeDer(DerTag.integer, Uint8Array.of(1)),
    encodeDer(DerTag.octetString, hexBytes(privateKeyHex, 32, 'private key')),
    encodeDer(
      DerTag.context1,
      encodeDer(DerTag.bitString, Uint8Array.of(0), hexBytes(publicKeyHex, 65, 'public key')),
    ),
  );
  const pkcs8 = encodeDer(
    DerTag.sequence,
    encodeDer(DerTag.integer, Uint8Array.of(0)),
    algorithmIdentifier(),
    encodeDer(DerTag.octetString, ecPrivateKey),
  );
  return derToPem(pkcs8, 'PRIVATE KEY');
}

function privateScalarHex(ecPrivateKey: DerNode): string {
  const [version, scalar, ...tagged] = ecPrivateKey.children;
  if (version?.tag !== DerTag.integer || scalar?.tag !== DerTag.octetString || scalar.content.length > 32) {
    throw new Error('SM2: malformed ECPrivateKey');
  }
  const parameters = tagged.find((node) => node.tag === DerTag.context0);
  if (parameters && !isOid(parameters.children[0], sm2CurveOid))
    throw new Error('SM2: not an SM2 private key');
  return Buffer.from(scalar.content).toString('hex').padStart(64, '0');
}

/** PKCS#8 ("PRIVATE KEY") or SEC1 ("EC PRIVATE KEY", or "SM2 PRIVATE KEY" as openssl 3 labels it) PEM → hex. */
export function sm2PrivateKeyFromPem(pem: string): string {
  const sec1Label = /-----BEGIN ((?:EC|SM2) PRIVATE KEY)-----/.exec(pem)?.[1];
  if (sec1Label) return privateScalarHex(parseDer(pemToDer(pem, sec1Label)));
  const [, algorithm, wrapped] = parseDer(pemToDer(pem, 'PRIVATE KEY')).children;
  const [keyType, curve] = algorithm?.children ?? [];
  if (!isOid(keyType, idEcPublicKey) || !isOid(curve, sm2CurveOid) || wrapped?.tag !== DerTag.octetString) {
    throw new Error('SM2: not an SM2 private key');
  }
  return privateScalarHex(parseDer(wrapped.content));
}
