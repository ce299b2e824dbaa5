import { describe, expect, it } from 'vitest';
import { personColour, personPalette } from './person-colour';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

describe('personColour', () => {
  it('gives every palette colour at least 4.5:1 contrast with white label text', () => {
    for (const colour of personPalette) {
      const contrast = 1.05 / (luminance(colour) + 0.05);
      expect(contrast, colour).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('is the same for the same user every time, and a translucent variant of it for the selection', () => {
    const first = personColour('cmwsci70v0000q17d6ui0kcbd');
    expect(personColour('cmwsci70v0000q17d6ui0kcbd')).toEqual(first);
    expect(personPalette).toContain(first.color);
    expect(first.colorLight).toBe(`${first.color}33`);
  });

  it('spreads users over the palette', () => {
    const used = new Set(Array.from({ length: 200 }, (_, i) => personColour(`user${i}abcdefgh`).color));
    expect(used.size).toBe(personPalette.length);
  });
});
