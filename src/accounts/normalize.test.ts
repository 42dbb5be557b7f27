import { describe, expect, it } from 'vitest';
import { normalizeKey, normalizeName } from './normalize.js';

describe('normalizeKey', () => {
  it('lower-cases and drops spaces and punctuation', () => {
    expect(normalizeKey('BX-22')).toBe('bx22');
    expect(normalizeKey('  Acme  Trading, Ltd. ')).toBe('acmetradingltd');
    expect(normalizeKey('A/B.C_D (E)')).toBe('abcde');
  });

  it('folds accents so "Müller" is found by "muller"', () => {
    expect(normalizeKey('Müller & Söhne')).toBe('mullersohne');
    expect(normalizeKey('Crème Brûlée Café')).toBe('cremebruleecafe');
    expect(normalizeKey('Straße Øresund')).toBe('strasseoresund');
  });

  it('is empty for text with no letters or digits', () => {
    expect(normalizeKey(' -–/ ')).toBe('');
  });
});

describe('normalizeName', () => {
  it('gives the key and where each word starts in it', () => {
    expect(normalizeName('Acme Trading Ltd')).toEqual({ key: 'acmetradingltd', wordStarts: [0, 4, 11] });
  });

  it('treats punctuation as a word break and skips words that normalize to nothing', () => {
    expect(normalizeName('Gloucester Tiles & Stone')).toEqual({ key: 'gloucestertilesstone', wordStarts: [0, 10, 15] });
    expect(normalizeName("O'Brien-Smith (UK)")).toEqual({ key: 'obriensmithuk', wordStarts: [0, 1, 6, 11] });
  });

  it('keeps an accented word one word', () => {
    expect(normalizeName('Café Rouge')).toEqual({ key: 'caferouge', wordStarts: [0, 4] });
    expect(normalizeName('Ærø Ferries')).toEqual({ key: 'aeroferries', wordStarts: [0, 4] });
  });
});
