/**
 * An open-addressing hash table from a key of one or two ASCII byte ranges (investor id, account id) to two
 * values, so the fast parser finds an (investor, account) without making a string. Trades arrive in date
 * order with investors interleaved, so lookups are random and cost cache misses: each record (hash, lengths,
 * values and the key bytes packed in words) is one slot of the table itself, so a lookup usually touches one
 * cache line. The record holds `keyWords` words of key (4 → 32-byte records for keys up to 16 bytes, half the
 * table of the 64-byte layout, so fewer misses); keys longer than that, or with a non-ASCII byte, are not
 * stored (`hash` returns -1) and the caller uses a table with longer records or strings.
 */
export class ByteIds {
  private readonly stride: number;
  private readonly maxKey: number;
  private table: Int32Array;
  private mask = (1 << 12) - 1;
  private count = 0;
  private readonly key: Int32Array;
  private lens = 0;
  /** For the caller: the bytes, length (-1: none) and value of the last single-range key looked up. */
  readonly lastKey = new Uint8Array(64);
  lastLength = -1;
  lastValue = 0;

  constructor(readonly keyWords = 4) {
    this.stride = 4 + keyWords;
    this.maxKey = keyWords * 4;
    this.table = new Int32Array(this.stride << 12);
    this.key = new Int32Array(keyWords);
  }

  /** Packs and hashes the key a + b; -1 when it cannot be stored (too long, or a byte is not ASCII). */
  hash(buf: Uint8Array, s1: number, e1: number, s2: number, e2: number): number {
    return this.hashInto(buf, s1, e1, s2, e2, this.key, 0);
  }

  /**
   * As `hash`, packing the key into key[at, at + keyWords) (zero-padded) and leaving its lengths in
   * `lastLens` — so a caller can hash a block of keys first and look them all up afterwards (`findKey`).
   */
  hashInto(
    buf: Uint8Array,
    s1: number,
    e1: number,
    s2: number,
    e2: number,
    key: Int32Array,
    at: number,
  ): number {
    const na = e1 - s1;
    const nb = e2 - s2;
    if (na + nb > this.maxKey || na > 0xffff || nb > 0xffff) return -1;
    let h = Math.imul(na * 64 + nb, 0x9e3779b1);
    let w = 0;
    let j = 0;
    let nw = at;
    let or = 0;
    for (let i = s1; i < e1; i++, j++) {
      const c = buf[i]!;
      or |= c;
      w |= c << ((j & 3) << 3);
      if ((j & 3) === 3) {
        key[nw++] = w;
        h = Math.imul(h ^ w, 0x85ebca6b);
        h ^= h >>> 13;
        w = 0;
      }
    }
    for (let i = s2; i < e2; i++, j++) {
      const c = buf[i]!;
      or |= c;
      w |= c << ((j & 3) << 3);
      if ((j & 3) === 3) {
        key[nw++] = w;
        h = Math.imul(h ^ w, 0x85ebca6b);
        h ^= h >>> 13;
        w = 0;
      }
    }
    if (or >= 0x80) return -1;
    if ((j & 3) !== 0) {
      key[nw++] = w;
      h = Math.imul(h ^ w, 0x85ebca6b);
      h ^= h >>> 13;
    }
    for (let k = nw; k < at + this.keyWords; k++) key[k] = 0;
    this.lens = (na << 16) | nb;
    this.lastLens = this.lens;
    h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35);
    return (h ^ (h >>> 16)) & 0x3fffffff;
  }

  /** The lengths of the key `hashInto` packed last. */
  lastLens = 0;

  /** The record of the key just hashed (`hash` → h ≥ 0), or -1. */
  find(h: number): number {
    return this.findKey(h, this.lens, this.key, 0);
  }

  /** The record of a key packed by `hashInto` at key[at…] with hash h and lengths `lens`, or -1. */
  findKey(h: number, lens: number, key: Int32Array, at: number): number {
    const t = this.table;
    const words = ((lens >>> 16) + (lens & 0xffff) + 3) >>> 2;
    const stride = this.stride;
    const tag = h + 1;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const r = slot * stride;
      const x = t[r]!;
      if (x === 0) return -1;
      if (x !== tag || t[r + 1] !== lens) continue;
      let same = true;
      for (let w = 0; w < words && same; w++) same = t[r + 4 + w] === key[at + w];
      if (same) return r;
    }
  }

  first(r: number): number {
    return this.table[r + 2]!;
  }

  second(r: number): number {
    return this.table[r + 3]!;
  }

  /** Stores the key just hashed (and not found) with its values. */
  put(h: number, v1: number, v2: number): void {
    this.putKey(h, this.lens, v1, v2, this.key, 0);
  }

  /** Stores a key packed by `hashInto` (and not found) with its values. */
  putKey(h: number, lens: number, v1: number, v2: number, key: Int32Array, at: number): void {
    if ((this.count + 1) * 4 > (this.mask + 1) * 3) this.grow();
    this.count++;
    this.insert(h + 1, lens, v1, v2, key, at);
  }

  private insert(tag: number, lens: number, v1: number, v2: number, src: Int32Array, at: number): void {
    const t = this.table;
    const stride = this.stride;
    let slot = (tag - 1) & this.mask;
    while (t[slot * stride] !== 0) slot = (slot + 1) & this.mask;
    const r = slot * stride;
    t[r] = tag;
    t[r + 1] = lens;
    t[r + 2] = v1;
    t[r + 3] = v2;
    for (let w = 0; w < this.keyWords; w++) t[r + 4 + w] = src[at + w]!;
  }

  /** Counts the table's growths: a record found before a growth is elsewhere after it. */
  generation = 0;

  private grow(): void {
    this.generation++;
    const old = this.table;
    const stride = this.stride;
    this.table = new Int32Array(old.length * 2);
    this.mask = this.table.length / stride - 1;
    for (let r = 0; r < old.length; r += stride)
      if (old[r] !== 0) this.insert(old[r]!, old[r + 1]!, old[r + 2]!, old[r + 3]!, old, r + 4);
  }
}
