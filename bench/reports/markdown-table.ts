// Markdown tables for results.md, padded the way Biome formats them.

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|');

type Align = 'left' | 'right' | 'center';

/** Columns a cell takes as Biome counts them: an emoji shown as a picture (✅) is two wide. */
const displayWidth = (text: string): number =>
  [...text].reduce((width, character) => width + (/\p{Emoji_Presentation}/u.test(character) ? 2 : 1), 0);

/** A Markdown table padded the way Biome formats one, so the generated file passes `npm run lint` unchanged. */
export function renderTable(header: readonly string[], align: readonly Align[], body: readonly string[][]): string[] {
  const rows = [header, ...body].map((cells) => cells.map(escapeCell));
  const widths = header.map((_, column) => Math.max(3, ...rows.map((cells) => displayWidth(cells[column] ?? ''))));
  const pad = (text: string, column: number): string => {
    const room = Math.max(0, (widths[column] ?? 0) - displayWidth(text));
    if (align[column] === 'right') return `${' '.repeat(room)}${text}`;
    if (align[column] === 'center') {
      const left = Math.floor(room / 2);
      return `${' '.repeat(left)}${text}${' '.repeat(room - left)}`;
    }
    return `${text}${' '.repeat(room)}`;
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
