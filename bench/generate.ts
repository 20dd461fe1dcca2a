/**
 * A deterministic inventory CSV for the batch benchmark: fixed seed, realistic columns, a mix of
 * recalled and unrecalled models, and serials typed the way people type them. Not committed; it is
 * written to bench/.cache/ on first use.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { zipCaughtUp } from '../src/report/xlsx.js';

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RECALLED = ['A1263', 'A3102', 'A1112', 'A3302', 'A3117', 'A1263016'];
const TITLES = ['Power bank 10000mAh', 'Bluetooth speaker', 'USB-C cable 1m', 'Wall charger 65W', 'Wireless earbuds', 'Conference speakerphone', '"Charger, dual port"'];
const CONDITIONS = ['new', 'used-like-new', 'used-good', 'refurbished'];
const COUNTRIES = ['US', 'US', 'US', 'CA', 'GB', 'DE', 'JP', 'AU', ''];
const SERIAL_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

export function generateInventory(path: string, rows: number, seed = 20261125): Promise<void> {
  if (existsSync(path)) return Promise.resolve();
  mkdirSync(dirname(path), { recursive: true });
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const serial = () => {
    let s = 'A';
    for (let i = 0; i < 15; i++) s += SERIAL_CHARS[Math.floor(rnd() * SERIAL_CHARS.length)];
    const noise = rnd();
    if (noise < 0.05) return s.toLowerCase();
    if (noise < 0.08) return `SN: ${s.slice(0, 8)} ${s.slice(8)}`;
    if (noise < 0.09) return s.replace('0', 'O');
    if (noise < 0.095) return '1.23457E+15';
    if (noise < 0.1) return '';
    return s;
  };
  const tmp = `${path}.tmp`;
  const out = createWriteStream(tmp);
  return (async () => {
    let buf = 'sku,title,model,serial number,condition,qty,price,country,location,notes\n';
    for (let i = 1; i <= rows; i++) {
      const model = rnd() < 0.06 ? pick(RECALLED) : `A${1000 + Math.floor(rnd() * 9000)}`;
      buf += `SKU-${i},${pick(TITLES)},${model},${serial()},${pick(CONDITIONS)},${1 + Math.floor(rnd() * 20)},${(5 + rnd() * 95).toFixed(2)},${pick(COUNTRIES)},WH${1 + Math.floor(rnd() * 9)}-B${Math.floor(rnd() * 100)}-S${Math.floor(rnd() * 10)},${rnd() < 0.02 ? '"checked, boxed"' : ''}\n`;
      if (buf.length > 1 << 20) {
        if (!out.write(buf)) await once(out, 'drain');
        buf = '';
      }
    }
    out.end(buf);
    await once(out, 'close');
    renameSync(tmp, path);
  })();
}

/**
 * The same inventory as a workbook: the CSV's rows, read back with papaparse and written one row
 * at a time through exceljs's streaming writer, so that the two inputs of the comparison hold
 * exactly the same cells and the generator never holds the sheet. Strings are written inline:
 * exceljs's writer keeps a shared-string table (what Excel writes) in memory, ~2 GB at 1 M rows.
 * zipCaughtUp gives the writer the backpressure exceljs leaves out.
 */
export async function generateWorkbook(csvPath: string, path: string): Promise<void> {
  if (existsSync(path)) return;
  const [{ default: ExcelJS }, { default: Papa }, { createReadStream }] = await Promise.all([import('exceljs'), import('papaparse'), import('node:fs')]);
  const tmp = `${path}.tmp`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Inventory');
  const rows = createReadStream(csvPath).pipe(Papa.parse(Papa.NODE_STREAM_INPUT, { header: false }));
  let n = 0;
  for await (const cells of rows as AsyncIterable<string[]>) {
    if (cells.length === 1 && cells[0] === '') continue;
    sheet.addRow(cells).commit();
    if (++n % 1000 === 0) await zipCaughtUp(sheet);
  }
  sheet.commit();
  await workbook.commit();
  renameSync(tmp, path);
}
