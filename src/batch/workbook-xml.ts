/**
 * The parts of an .xlsx workbook (ECMA-376 SpreadsheetML) that the batch reads, parsed from their
 * XML as it streams, with saxes (the XML parser exceljs itself uses). Written here rather than
 * taken from exceljs's streaming reader, which keeps only the last <t> of a string (so a Japanese
 * reading, <rPh>, replaced the text it annotates, and a rich inline string kept its last run), and
 * which cannot read rows or cells without an `r` attribute. Pure: text chunks in, values out.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import SSF from 'ssf';
import { cellText, UNREADABLE } from './cell-text.js';

/** A record as the sheet gives it: its row number and the text of its cells. */
export interface SheetRow {
  line: number;
  cells: string[];
}


const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Runs `on` over the XML in `chunks`, yielding whatever it collected after each chunk. */
async function* parse<T>(chunks: AsyncIterable<Uint8Array | string>, on: (p: SaxesParser, out: T[]) => void): AsyncGenerator<T[], void, undefined> {
  const parser = new SaxesParser();
  const out: T[] = [];
  on(parser, out);
  const decoder = new TextDecoder();
  for await (const chunk of chunks) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (out.length > 0) yield out.splice(0);
  }
  parser.write(decoder.decode());
  parser.close();
  if (out.length > 0) yield out.splice(0);
}

/** Collects everything a small part (workbook, relationships, styles) gives. */
async function all<T>(chunks: AsyncIterable<Uint8Array | string>, on: (p: SaxesParser, out: T[]) => void): Promise<T[]> {
  const got: T[] = [];
  for await (const batch of parse(chunks, on)) for (const x of batch) got.push(x);
  return got;
}

/** Excel writes characters XML cannot hold (and a literal "_x") as _xHHHH_. */
const unescape = (s: string) => (s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s);

export interface WorkbookSheets {
  sheets: { name: string; rId: string }[];
  date1904: boolean;
}

export async function readWorkbookPart(chunks: AsyncIterable<Uint8Array>): Promise<WorkbookSheets> {
  const book: WorkbookSheets = { sheets: [], date1904: false };
  await all<never>(chunks, (p) =>
    p.on('opentag', (node) => {
      const name = local(node.name);
      const a = node.attributes as Record<string, string>;
      if (name === 'sheet') book.sheets.push({ name: a.name ?? '', rId: a['r:id'] ?? Object.entries(a).find(([k]) => local(k) === 'id')?.[1] ?? '' });
      else if (name === 'workbookPr') book.date1904 = a.date1904 === '1' || a.date1904 === 'true';
    }),
  );
  return book;
}

/** xl/_rels/workbook.xml.rels: relationship id → part path in the zip, and the part for each type. */
export async function readRelsPart(chunks: AsyncIterable<Uint8Array>): Promise<{ targets: Map<string, string>; byType: Map<string, string> }> {
  const targets = new Map<string, string>();
  const byType = new Map<string, string>();
  await all<never>(chunks, (p) =>
    p.on('opentag', (node) => {
      if (local(node.name) !== 'Relationship') return;
      const a = node.attributes as Record<string, string>;
      if (a.TargetMode === 'External' || a.Target === undefined) return;
      const path = a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`;
      targets.set(a.Id ?? '', path);
      byType.set((a.Type ?? '').slice((a.Type ?? '').lastIndexOf('/') + 1), path);
    }),
  );
  return { targets, byType };
}

/** xl/styles.xml: each cell style (the `s` of a cell) → its number format code. */
export async function readStylesPart(chunks: AsyncIterable<Uint8Array>): Promise<string[]> {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await all<never>(chunks, (p) => {
    p.on('opentag', (node) => {
      const name = local(node.name);
      const a = node.attributes as Record<string, string>;
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? 'General');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
    });
    p.on('closetag', (node) => {
      if (local(node.name) === 'cellXfs') inCellXfs = false;
    });
  });
  const table = SSF.get_table() as Record<number, string>;
  return xfs.map((id) => custom.get(id) ?? table[id] ?? 'General');
}

/**
 * xl/sharedStrings.xml: each string's text, its runs (<r>) joined. A phonetic reading (<rPh>,
 * the furigana of Japanese text) is not part of the text, and is left out.
 */
export function readSharedStringsPart(chunks: AsyncIterable<Uint8Array>): Promise<string[]> {
  return all<string>(chunks, (p, out) => {
    const si = stringItems('si', (text) => out.push(text));
    p.on('opentag', si.open);
    p.on('text', si.text);
    p.on('closetag', si.close);
  });
}

/**
 * The text of each `item` element (a shared string's <si>, an inline string's <is>): its <t>
 * elements joined, those inside a phonetic reading <rPh> left out.
 */
function stringItems(item: string, done: (text: string) => void) {
  let inItem = false;
  let inT = false;
  let phonetic = 0;
  let text = '';
  // saxes keeps one handler per event: the caller calls these from its own.
  const open = (node: SaxesTagPlain) => {
    const name = local(node.name);
    if (name === item) {
      inItem = true;
      text = '';
    } else if (!inItem) return;
    else if (name === 'rPh') phonetic++;
    else if (name === 't' && phonetic === 0) inT = !node.isSelfClosing;
  };
  const onText = (t: string) => {
    if (inT) text += t;
  };
  const close = (node: SaxesTagPlain) => {
    if (!inItem) return;
    const name = local(node.name);
    if (name === 't') inT = false;
    else if (name === 'rPh') phonetic--;
    else if (name === item) {
      inItem = false;
      done(unescape(text));
    }
  };
  return { open, text: onText, close };
}

/** "AB12" → 28 (1-based column); 0 when the reference has no column letters. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  return col;
}

export interface SheetContext {
  strings: readonly string[] | undefined;
  formats: readonly string[];
  date1904: boolean;
}

/**
 * A worksheet part → its rows, in batches, each cell as the text the sheet shows (./cell-text.ts).
 * A row or cell without its `r` reference (allowed, and written by some generators) follows the
 * one before it. A cell whose value cannot be read reads as UNREADABLE.
 */
export function readSheetPart(chunks: AsyncIterable<Uint8Array>, ctx: SheetContext): AsyncGenerator<SheetRow[], void, undefined> {
  return parse<SheetRow>(chunks, (p, out) => {
    let row: SheetRow | undefined;
    let lastRow = 0;
    let col = 0;
    let type: string | undefined;
    let style = 0;
    let inV = false;
    let v = '';
    let hasV = false;
    let inline: string | undefined;
    const is = stringItems('is', (text) => {
      inline = text;
    });
    p.on('opentag', (node: SaxesTagPlain) => {
      is.open(node);
      const name = local(node.name);
      const a = node.attributes as Record<string, string>;
      if (name === 'row') {
        lastRow = a.r === undefined ? lastRow + 1 : Number(a.r);
        row = { line: lastRow, cells: [] };
        col = 0;
      } else if (name === 'c' && row) {
        col = a.r === undefined ? col + 1 : columnOf(a.r) || col + 1;
        type = a.t;
        style = a.s === undefined ? 0 : Number(a.s);
        v = '';
        hasV = false;
        inline = undefined;
      } else if (name === 'v' && row) {
        inV = !node.isSelfClosing;
        hasV = true;
      }
    });
    p.on('text', (t) => {
      if (inV) v += t;
      else is.text(t);
    });
    p.on('closetag', (node) => {
      is.close(node);
      const name = local(node.name);
      if (name === 'v') inV = false;
      else if (name === 'c' && row) {
        const cells = row.cells;
        while (cells.length < col - 1) cells.push('');
        cells[col - 1] = valueText(type, hasV ? v : undefined, inline, ctx.formats[style], ctx);
      } else if (name === 'row' && row) {
        // Cells that hold nothing visible at the end of the row are the row's end, as in a CSV export.
        const cells = row.cells;
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        out.push(row);
        row = undefined;
      }
    });
  });
}

/** One cell's value (its type `t`, its <v>, its inline string) as the sheet shows it. */
function valueText(type: string | undefined, v: string | undefined, inline: string | undefined, fmt: string | undefined, ctx: SheetContext): string {
  switch (type) {
    case 'inlineStr':
      return inline ?? (v === undefined ? '' : unescape(v));
    case 's': {
      if (v === undefined) return '';
      const s = ctx.strings?.[Number(v)];
      return s ?? UNREADABLE;
    }
    case 'str':
      return v === undefined ? '' : unescape(v);
    case 'e':
      return v ?? '';
    case 'b':
      return v === undefined ? '' : cellText(v.trim() !== '0', fmt);
    case 'd': {
      if (v === undefined) return '';
      const d = new Date(v);
      return Number.isNaN(d.getTime()) ? UNREADABLE : cellText(d, fmt);
    }
    case undefined:
    case 'n': {
      if (v === undefined || v === '') return '';
      const n = Number(v);
      if (!Number.isFinite(n)) return UNREADABLE;
      // Serials in the 1904 date system count from 1904-01-01: moved to the 1900 system ssf formats.
      return cellText(ctx.date1904 && fmt !== undefined && SSF.is_date(fmt) ? n + 1462 : n, fmt);
    }
    default:
      return UNREADABLE;
  }
}
