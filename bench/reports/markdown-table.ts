// Markdown tables for results.md, padded the way Biome formats them.

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|');

type Align = 'left' | 'right' | 'center';

/** A Markdown table padded the way Biome formats one, so the generated file passes `npm run lint` unchanged. */
export function renderTable(header: readonly string[], align: readonly Align[], body: readonly string[][]): string[] {
  const rows = [header, ...body].map((cells) => cells.map(escapeCell));
  const widths = header.map((_, column) => Math.max(3, ...rows.map((cells) => (cells[column] ?? '').length)));
  const pad = (text: string, column: number): string => {
    const width = widths[column] ?? text.length;
    if (align[column] === 'right') return text.padStart(width);
    if (align[column] === 'center') {
      const left = Math.floor((width - text.length) / 2);
      return `${' '.repeat(left)}${text}`.padEnd(width);
    }
    return text.padEnd(width);
  };
  const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => pad(cell, column)).join(' | ')} |`;
  const rule = widths.map((width, column) => {
    if (align[column] === 'right') return `${'-'.repeat(width - 1)}:`;
    if (align[column] === 'center') return `:${'-'.repeat(width - 2)}:`;
    return '-'.repeat(width);
  });
  const [first, ...rest] = rows;
  return [line(first ?? []), line(rule), ...rest.map(line)];
}
