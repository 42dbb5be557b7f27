// Tests the CLI's plain-text renderings: CSV quoting per RFC 4180 and against formulas, table alignment, cell fitting.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, fitCell, renderCsv, renderTable } from './text-output.js';

describe('csv', () => {
  it('quotes only fields that need it and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('makes text that a spreadsheet would run as a formula open as text (OWASP CSV injection)', () => {
    for (const formula of ['=HYPERLINK("http://x.example","y")', '+1+2', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(parse(csvField(formula))).toEqual([[`'${formula}`]]);
    }
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    // Only the first character counts, and the bot's own numbers are left alone.
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-5)).toBe('-5');
  });

  it('round-trips awkward values through a real CSV parser', () => {
    const rows = [
      ['id', 'notes', 'n'],
      ['x1', 'Renewal, "urgent"\r\nsecond line', 3],
      ['x2', '', null],
      ['x3', '  spaces kept  ', 0],
    ];
    const text = renderCsv(rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parse(text, { relax_column_count: false })).toEqual(
      rows.map((row) => row.map((value) => (value === null ? '' : String(value)))),
    );
  });
});

describe('table', () => {
  it('aligns columns under their headers', () => {
    expect(
      renderTable(
        ['ID', 'STATE'],
        [
          ['abc', 'pending'],
          ['a', 'logged'],
        ],
      ),
    ).toBe('ID   STATE\nabc  pending\na    logged');
  });

  it('keeps a cell on one line and within its width', () => {
    expect(fitCell('one\ntwo   three', 20)).toBe('one two three');
    expect(fitCell('abcdefghij', 5)).toBe('abcd…');
  });
});
