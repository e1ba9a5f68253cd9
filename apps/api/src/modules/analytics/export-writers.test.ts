import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { csvField, openTableWriter } from './export-writers';

describe('export writers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redress-export-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const columns = [
    { key: 'type', header: '投诉类型' },
    { key: 'count', header: '受理量' },
  ];

  it('quotes CSV fields and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说 "好"')).toBe('"说 ""好"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
  });

  it('writes CSV with a BOM and an XLSX that opens with the same cells', async () => {
    const csv = await openTableWriter('csv', join(dir, 'a.csv'), columns, 'x');
    await csv.writeRow(['服务态度', 3]);
    await csv.close();
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('\uFEFF投诉类型,受理量\r\n服务态度,3\r\n');

    const xlsx = await openTableWriter('xlsx', join(dir, 'a.xlsx'), columns, '统计');
    await xlsx.writeRow(['服务态度', 3]);
    await xlsx.writeRow([null, 0]);
    await xlsx.close();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'a.xlsx'));
    const sheet = book.getWorksheet('统计')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '投诉类型', '受理量']);
    expect(sheet.getRow(2).values).toEqual([undefined, '服务态度', 3]);
    expect(sheet.getCell('B3').value).toBe(0);
  });
});
