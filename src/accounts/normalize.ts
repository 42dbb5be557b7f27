// Search keys for account numbers and names: lower case, accents folded, only letters and digits kept.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_KEY_CHARACTER = /[^a-z0-9]/g;
const NON_ASCII = /[^\p{ASCII}]/u;
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;

/** Letters that Unicode does not decompose into a base letter and an accent. */
const LETTERS_APART: Record<string, string> = { æ: 'ae', œ: 'oe', ø: 'o', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th' };
const LETTER_APART = /[æœøßłđðþ]/g;

function fold(text: string): string {
  const lower = text.toLowerCase();
  // Plain ASCII (nearly every account number and name) skips the costlier Unicode folding.
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(LETTER_APART, (letter) => LETTERS_APART[letter] ?? letter);
}

const isKeyCode = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);

/** "Müller & Co." → "mullerco", "BX-22" → "bx22": what matching compares, so spaces and punctuation never matter. */
export function normalizeKey(text: string): string {
  return fold(text).replace(NOT_KEY_CHARACTER, '');
}

/**
 * A name's key and where each of its words starts in that key: "Acme Trading Ltd" → "acmetradingltd", [0, 4, 11].
 * A word is a run of letters, marks and digits; a word with nothing left after folding starts nothing.
 */
export function normalizeName(text: string): { key: string; wordStarts: number[] } {
  const folded = fold(text);
  const ascii = !NON_ASCII.test(folded);
  const wordStarts: number[] = [];
  let length = 0;
  let wordCounted = false;
  for (let position = 0; position < folded.length; position++) {
    if (isKeyCode(folded.charCodeAt(position))) {
      if (!wordCounted) wordStarts.push(length);
      wordCounted = true;
      length++;
    } else if (ascii || !WORD_CHARACTER.test(folded[position] as string)) wordCounted = false;
  }
  const key = folded.replace(NOT_KEY_CHARACTER, '');
  return { key, wordStarts };
}
