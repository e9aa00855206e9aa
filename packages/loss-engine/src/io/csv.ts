/** A streaming CSV record splitter: feed text chunks, get records with their 1-based line numbers. */
export class CsvSplitter {
  private rest = '';
  private pending = '';
  private pendingLine = 0;
  private line = 0;
  private first = true;

  constructor(private readonly onRecord: (fields: string[], line: number) => void) {}

  push(chunk: string): void {
    let text = this.rest + chunk;
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let pos = 0;
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0) break;
      this.handle(text.slice(pos, nl));
      pos = nl + 1;
    }
    this.rest = text.slice(pos);
  }

  end(): void {
    if (this.rest.length > 0) this.handle(this.rest);
    this.rest = '';
    if (this.pending.length > 0) {
      // Unbalanced quote at end of input: emit what we have.
      const p = this.pending;
      this.pending = '';
      this.onRecord(splitQuoted(p), this.pendingLine);
    }
  }

  private handle(raw: string): void {
    this.line++;
    const line = raw.length > 0 && raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (this.pending.length > 0) {
      const joined = `${this.pending}\n${line}`;
      if (quotesBalanced(joined)) {
        this.pending = '';
        this.onRecord(splitQuoted(joined), this.pendingLine);
      } else this.pending = joined;
      return;
    }
    if (line.indexOf('"') < 0) {
      if (line.length > 0) this.onRecord(line.split(','), this.line);
      return;
    }
    if (quotesBalanced(line)) this.onRecord(splitQuoted(line), this.line);
    else {
      this.pending = line;
      this.pendingLine = this.line;
    }
  }
}

function quotesBalanced(s: string): boolean {
  let n = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++;
  return n % 2 === 0;
}

/** RFC 4180 field splitting for a record that contains quotes. */
function splitQuoted(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === 34) {
      let v = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          v += line.slice(i);
          i = line.length;
          break;
        }
        v += line.slice(i, q);
        if (line.charCodeAt(q + 1) === 34) {
          v += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const c = line.indexOf(',', i);
      out.push(v + (c < 0 ? line.slice(i) : line.slice(i, c)));
      if (c < 0) return out;
      i = c + 1;
    } else {
      const c = line.indexOf(',', i);
      if (c < 0) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, c));
      i = c + 1;
    }
  }
}

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

/** Feeds a string, an iterable of chunks or an async iterable of chunks into a splitter. */
export async function feedAsync(
  input: AsyncIterable<string | Uint8Array> | Iterable<string>,
  splitter: CsvSplitter,
): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
    splitter.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  }
  splitter.push(decoder.decode());
  splitter.end();
}
