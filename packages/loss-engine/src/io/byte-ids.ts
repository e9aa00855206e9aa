const STRIDE = 16; // Int32 per record: hash + 1 (0 = empty), length of a, length of b, value 1, value 2, key words
const KEY_WORDS = STRIDE - 5;
const MAX_KEY = KEY_WORDS * 4;

/**
 * An open-addressing hash table from a key of one or two ASCII byte ranges (investor id, account id) to two
 * values, so the fast parser finds an (investor, account) without making a string. Trades arrive in date
 * order with investors interleaved, so lookups are random and cost cache misses: each record (hash, lengths,
 * values and the key bytes packed in words) is one 64-byte slot of the table itself, so a lookup usually
 * touches one cache line. Keys over 44 bytes or with non-ASCII bytes are not stored (`hash` returns -1).
 */
export class ByteIds {
  private table = new Int32Array(STRIDE << 12);
  private mask = (1 << 12) - 1;
  private count = 0;
  private readonly key = new Int32Array(KEY_WORDS);
  private na = 0;
  private nb = 0;

  /** Packs and hashes the key a + b; -1 when it cannot be stored (too long, or a byte is not ASCII). */
  hash(buf: Uint8Array, s1: number, e1: number, s2: number, e2: number): number {
    const na = e1 - s1;
    const nb = e2 - s2;
    if (na + nb > MAX_KEY) return -1;
    const key = this.key;
    key.fill(0);
    let j = 0;
    for (let i = s1; i < e1; i++, j++) {
      const c = buf[i]!;
      if (c >= 0x80) return -1;
      key[j >> 2]! |= c << ((j & 3) << 3);
    }
    for (let i = s2; i < e2; i++, j++) {
      const c = buf[i]!;
      if (c >= 0x80) return -1;
      key[j >> 2]! |= c << ((j & 3) << 3);
    }
    this.na = na;
    this.nb = nb;
    let h = Math.imul(na * 64 + nb, 0x9e3779b1);
    const words = (j + 3) >> 2;
    for (let w = 0; w < words; w++) {
      h = Math.imul(h ^ key[w]!, 0x85ebca6b);
      h ^= h >>> 13;
    }
    h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35);
    return (h ^ (h >>> 16)) & 0x3fffffff;
  }

  /** The record of the key just hashed (`hash` → h ≥ 0), or -1. */
  find(h: number): number {
    const t = this.table;
    const key = this.key;
    const words = (this.na + this.nb + 3) >> 2;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const r = slot * STRIDE;
      const tag = t[r]!;
      if (tag === 0) return -1;
      if (tag !== h + 1 || t[r + 1] !== this.na || t[r + 2] !== this.nb) continue;
      let same = true;
      for (let w = 0; w < words && same; w++) same = t[r + 5 + w] === key[w];
      if (same) return r;
    }
  }

  first(r: number): number {
    return this.table[r + 3]!;
  }

  second(r: number): number {
    return this.table[r + 4]!;
  }

  /** Stores the key just hashed (and not found) with its values. */
  put(h: number, v1: number, v2: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    this.count++;
    this.insert(h + 1, this.na, this.nb, v1, v2, this.key, 0);
  }

  private insert(
    tag: number,
    na: number,
    nb: number,
    v1: number,
    v2: number,
    src: Int32Array,
    at: number,
  ): void {
    const t = this.table;
    let slot = (tag - 1) & this.mask;
    while (t[slot * STRIDE] !== 0) slot = (slot + 1) & this.mask;
    const r = slot * STRIDE;
    t[r] = tag;
    t[r + 1] = na;
    t[r + 2] = nb;
    t[r + 3] = v1;
    t[r + 4] = v2;
    for (let w = 0; w < KEY_WORDS; w++) t[r + 5 + w] = src[at + w]!;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    this.mask = this.table.length / STRIDE - 1;
    for (let r = 0; r < old.length; r += STRIDE)
      if (old[r] !== 0) this.insert(old[r]!, old[r + 1]!, old[r + 2]!, old[r + 3]!, old[r + 4]!, old, r + 5);
  }
}
