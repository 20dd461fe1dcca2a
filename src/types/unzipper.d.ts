/** The part of unzipper (exceljs's own zip reader) that the workbook reader uses: a streaming zip parser. */
declare module 'unzipper' {
  import type { Duplex, Readable } from 'node:stream';
  export interface Entry extends Readable {
    path: string;
    type: 'File' | 'Directory';
    autodrain(): { promise(): Promise<void> };
  }
  const unzipper: { Parse(opts?: { forceStream?: boolean }): Duplex & AsyncIterable<Entry> };
  export default unzipper;
}
