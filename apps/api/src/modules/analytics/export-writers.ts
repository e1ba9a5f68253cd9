import { chmodSync, createWriteStream, writeFileSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';

export type ExportFormat = 'csv' | 'xlsx';
export type Cell = string | number | boolean | Date | null;

export interface ExportColumn {
  key: string;
  header: string;
  /** Character width hint for XLSX. */
  width?: number;
}

/** Writes a table row by row into a file without holding it in memory. */
export interface TableWriter {
  writeRow(cells: Cell[]): Promise<void>;
  close(): Promise<void>;
}

/** RFC 4180 field: quoted when it holds a separator, quote or line break; formulas defused (CSV injection). */
export function csvField(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  let value = cell instanceof Date ? cell.toISOString() : String(cell);
  if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(value)) value = `'${value}`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

class CsvWriter implements TableWriter {
  private constructor(private readonly stream: WriteStream) {}

  static async open(path: string, columns: ExportColumn[]): Promise<CsvWriter> {
    const writer = new CsvWriter(createWriteStream(path, { encoding: 'utf8' }));
    // BOM: Excel opens UTF-8 CSV with Chinese headers correctly only with it.
    await writer.write(`\uFEFF${columns.map((c) => csvField(c.header)).join(',')}\r\n`);
    return writer;
  }

  private async write(chunk: string): Promise<void> {
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  writeRow(cells: Cell[]): Promise<void> {
    return this.write(`${cells.map(csvField).join(',')}\r\n`);
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

class XlsxWriter implements TableWriter {
  private constructor(
    private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly sheet: ExcelJS.Worksheet,
  ) {}

  static open(path: string, columns: ExportColumn[], sheetName: string): XlsxWriter {
    // The streaming writer commits each row to the zip as it goes: memory stays flat for large exports.
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    return new XlsxWriter(workbook, sheet);
  }

  async writeRow(cells: Cell[]): Promise<void> {
    this.sheet.addRow(cells.map((c) => (c === null ? undefined : c))).commit();
  }

  async close(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }
}

export async function openTableWriter(
  format: ExportFormat,
  path: string,
  columns: ExportColumn[],
  sheetName: string,
): Promise<TableWriter> {
  // Owner-only from the first byte: exports hold complaint data. The writers reopen the file, which keeps its mode.
  writeFileSync(path, '', { mode: 0o600 });
  chmodSync(path, 0o600);
  return format === 'csv' ? CsvWriter.open(path, columns) : XlsxWriter.open(path, columns, sheetName);
}
