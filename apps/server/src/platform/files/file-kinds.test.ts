import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  sampleDocx,
  sampleElf,
  sampleExe,
  sampleOdt,
  samplePdf,
  samplePng,
  zip,
} from '../../../test/factories/files';
import { AppError } from '../errors';
import { cleanFileName, contentDisposition, detectKind, TextCheck } from './file-kinds';

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return `${err.status} ${err.code}`;
    throw err;
  }
  return 'accepted';
};

describe('the kind of a file, from its content', () => {
  it('recognises the accepted kinds by their signatures', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Incidentes').addRow(['fecha', 'lugar']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    expect((await detectKind(samplePdf(), 'informe.pdf')).mediaType).toBe('application/pdf');
    expect((await detectKind(samplePng(), 'foto.PNG')).mediaType).toBe('image/png');
    expect((await detectKind(sampleDocx(), 'acta.docx')).extensions).toEqual(['docx']);
    expect((await detectKind(xlsx, 'tabla.xlsx')).extensions).toEqual(['xlsx']);
    expect((await detectKind(sampleOdt(), 'nota.odt')).extensions).toEqual(['odt']);
  });

  it('refuses executables whatever their name, and content that does not match the name', async () => {
    expect(await refusal(detectKind(sampleElf(), 'informe.pdf'))).toBe('415 file_type_not_allowed');
    expect(await refusal(detectKind(sampleExe(), 'informe.pdf'))).toBe('415 file_type_not_allowed');
    expect(await refusal(detectKind(sampleExe(), 'notas.txt'))).toBe('accepted'); // then TextCheck refuses it
    expect(await refusal(detectKind(zip({ 'a.js': 'x' }), 'acta.docx'))).toBe('415 file_type_not_allowed');
    expect(await refusal(detectKind(samplePdf(), 'foto.jpg'))).toBe('415 file_name_mismatch');
    expect(await refusal(detectKind(Buffer.from('hola'), 'notas.md'))).toBe('415 file_type_not_allowed');
  });

  it('takes text only as UTF-8 without NUL, even when it begins like a signature', async () => {
    expect((await detectKind(Buffer.from('BM;fecha;lugar\n'), 'lista.csv')).mediaType).toBe('text/csv');
    const check = (...pieces: Buffer[]) => {
      const c = new TextCheck();
      for (const p of pieces) c.update(p);
      c.end();
    };
    const accented = Buffer.from('Tecún Umán; Ciudad Hidalgo\n');
    // A character split between two pieces is still one character.
    expect(() => check(accented.subarray(0, 4), accented.subarray(4))).not.toThrow();
    expect(() => check(sampleExe())).toThrow(AppError);
    expect(() => check(Buffer.from([0x61, 0xc3]))).toThrow(AppError);
    expect(() => check(Buffer.from([0xff, 0x61]))).toThrow(AppError);
  });
});

describe('names', () => {
  it('keeps the last path segment and drops characters that disguise a name', () => {
    expect(cleanFileName('C:\\Users\\ana\\informe.pdf')).toBe('informe.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('foto\u202Egnp.exe')).toBe('fotognp.exe');
    expect(cleanFileName('Acta\n de\t entrega .pdf')).toBe('Acta de entrega .pdf');
    expect(cleanFileName('..')).toBe('file');
    const long = cleanFileName(`${'é'.repeat(300)}.pdf`);
    expect([...long]).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('offers the name back as an attachment, exact in UTF-8 with an ASCII fallback', () => {
    expect(contentDisposition('Informe ñandú (2).pdf')).toBe(
      `attachment; filename="Informe _and_ (2).pdf"; filename*=UTF-8''Informe%20%C3%B1and%C3%BA%20%282%29.pdf`,
    );
    expect(contentDisposition('a"b\\c.txt')).toBe(
      `attachment; filename="a_b_c.txt"; filename*=UTF-8''a%22b%5Cc.txt`,
    );
  });
});
