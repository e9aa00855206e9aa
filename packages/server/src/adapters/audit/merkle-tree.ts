import { canonicalJson } from '../../lib/canonical-json.ts';
import { sm3Hex } from '../crypto/sm3.ts';

// The audit log's Merkle tree, with the structure of RFC 6962 / RFC 9162 §2.1 and SM3 as the hash:
// leaf = SM3(0x00 || entry), node = SM3(0x01 || left || right); a tree of n leaves splits at the largest power of
// two below n. Proof algorithms follow RFC 9162 §2.1.3 (inclusion) and §2.1.4 (consistency).

/** A complete subtree's hash: level 0 is leaf `idx`; level L node `idx` covers leaves [idx·2^L, (idx+1)·2^L). */
export type NodeSource = (level: number, idx: number) => Buffer;

const sm3 = (...parts: Uint8Array[]) => Buffer.from(sm3Hex(Buffer.concat(parts)), 'hex');
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

export function leafHash(entry: Uint8Array): Buffer {
  return sm3(LEAF, entry);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return sm3(NODE, left, right);
}

/** The log's entry for a record: its number and the hash of its content. */
export function auditLeafHash(seq: number, recordHash: string): Buffer {
  return leafHash(Buffer.from(canonicalJson({ hash: recordHash, seq }), 'utf8'));
}

/** The root of the empty tree: SM3 of nothing. */
export const EMPTY_ROOT = sm3();

function isPowerOfTwo(n: number): boolean {
  return n >= 1 && 2 ** Math.floor(Math.log2(n)) === n;
}

/** Largest power of two strictly below n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH of leaves [start, end); `start` is a multiple of the largest power of two ≤ end − start (always so here). */
function rangeHash(node: NodeSource, start: number, end: number): Buffer {
  const size = end - start;
  if (isPowerOfTwo(size)) return node(Math.log2(size), start / size);
  const k = splitPoint(size);
  return nodeHash(rangeHash(node, start, start + k), rangeHash(node, start + k, end));
}

export function treeRoot(node: NodeSource, size: number): Buffer {
  return size === 0 ? EMPTY_ROOT : rangeHash(node, 0, size);
}

function path(node: NodeSource, m: number, start: number, end: number): Buffer[] {
  if (end - start === 1) return [];
  const k = splitPoint(end - start);
  return m < start + k
    ? [...path(node, m, start, start + k), rangeHash(node, start + k, end)]
    : [...path(node, m, start + k, end), rangeHash(node, start, start + k)];
}

/** The audit path of leaf `index` in the tree of the first `size` leaves. */
export function inclusionProof(node: NodeSource, index: number, size: number): Buffer[] {
  if (!(index >= 0 && index < size)) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  return path(node, index, 0, size);
}

function subproof(node: NodeSource, m: number, start: number, end: number, complete: boolean): Buffer[] {
  const n = end - start;
  if (m === n) return complete ? [] : [rangeHash(node, start, end)];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(node, m, start, start + k, complete), rangeHash(node, start + k, end)]
    : [...subproof(node, m - k, start + k, end, false), rangeHash(node, start, start + k)];
}

/** Proof that the tree of the first `first` leaves is a prefix of the tree of the first `second`. */
export function consistencyProof(node: NodeSource, first: number, second: number): Buffer[] {
  if (!(first >= 0 && first <= second)) throw new RangeError(`no consistency from ${first} to ${second}`);
  return first === 0 || first === second ? [] : subproof(node, first, 0, second, true);
}

const isOdd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

/** RFC 9162 §2.1.3.2: does `proof` lead from the leaf's hash to `root`? Never throws. */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!(Number.isSafeInteger(index) && index >= 0 && index < size)) return false;
  let r: Buffer = Buffer.from(leaf);
  const fits = walkPath(index, size - 1, proof, (p, fromLeft) => {
    r = fromLeft ? nodeHash(p, r) : nodeHash(r, p);
  });
  return fits && r.equals(root);
}

/**
 * RFC 9162's walk up a path (§2.1.3.2, §2.1.4.2): `step(p, fromLeft)` per element, where `fromLeft` says the element is
 * the left sibling; false when the path does not fit the sizes (too long, or not ending at the root).
 */
function walkPath(
  fn: number,
  sn: number,
  path: readonly Uint8Array[],
  step: (p: Uint8Array, fromLeft: boolean) => void,
): boolean {
  for (const p of path) {
    if (sn === 0) return false;
    const fromLeft = isOdd(fn) || fn === sn;
    step(p, fromLeft);
    while (fromLeft && !isOdd(fn) && fn !== 0) {
      fn = half(fn);
      sn = half(sn);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0;
}

/** RFC 9162 §2.1.4.2: is the tree (first, firstRoot) a prefix of (second, secondRoot)? Never throws. */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!(Number.isSafeInteger(first) && first >= 0 && first <= second)) return false;
  if (first === second) return proof.length === 0 && Buffer.from(firstRoot).equals(secondRoot);
  if (first === 0) return proof.length === 0;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  if (path.length === 0) return false;
  let fn = first - 1;
  let sn = second - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Buffer = Buffer.from(path[0]!);
  let sr: Buffer = Buffer.from(path[0]!);
  const fits = walkPath(fn, sn, path.slice(1), (c, fromLeft) => {
    if (fromLeft) fr = nodeHash(c, fr);
    sr = fromLeft ? nodeHash(c, sr) : nodeHash(sr, c);
  });
  return fits && fr.equals(firstRoot) && sr.equals(secondRoot);
}

/** The complete subtrees whose hashes make up the tree of the first `size` leaves, left to right. */
export function frontierOf(size: number): { level: number; idx: number }[] {
  const out: { level: number; idx: number }[] = [];
  let start = 0;
  for (let level = Math.floor(Math.log2(Math.max(size, 1))); level >= 0; level--) {
    const width = 2 ** level;
    if (start + width <= size) {
      out.push({ level, idx: start / width });
      start += width;
    }
  }
  return out;
}

/**
 * Appends leaves to a tree of which only the frontier is known (`known` holds at least frontierOf(size)); answers
 * the new complete nodes (leaves included, as level 0) and keeps them in `known`, so `treeRoot` of the new size works
 * over it.
 */
export function appendLeaves(
  known: Map<string, Buffer>,
  size: number,
  leaves: readonly Buffer[],
): { level: number; idx: number; hash: Buffer }[] {
  const added: { level: number; idx: number; hash: Buffer }[] = [];
  const put = (level: number, idx: number, hash: Buffer) => {
    known.set(nodeKey(level, idx), hash);
    added.push({ level, idx, hash });
  };
  leaves.forEach((leaf, i) => {
    let idx = size + i;
    let level = 0;
    let hash = leaf;
    put(level, idx, hash);
    while (isOdd(idx)) {
      const left = known.get(nodeKey(level, idx - 1));
      if (!left) throw new Error(`audit tree: node ${level}:${idx - 1} is missing`);
      hash = nodeHash(left, hash);
      level += 1;
      idx = half(idx);
      put(level, idx, hash);
    }
  });
  return added;
}

export const nodeKey = (level: number, idx: number) => `${level}:${idx}`;

/** A NodeSource over a map of known nodes; throws on a node it does not hold. */
export function mapSource(known: Map<string, Buffer>): NodeSource {
  return (level, idx) => {
    const hash = known.get(nodeKey(level, idx));
    if (!hash) throw new Error(`audit tree: node ${level}:${idx} is missing`);
    return hash;
  };
}

/** The nodes an algorithm reads (its reads do not depend on the hashes), so they can be fetched in one query. */
export function nodesRead(run: (node: NodeSource) => unknown): { level: number; idx: number }[] {
  const keys = new Map<string, { level: number; idx: number }>();
  const zero = Buffer.alloc(32);
  run((level, idx) => {
    keys.set(nodeKey(level, idx), { level, idx });
    return zero;
  });
  return [...keys.values()];
}
