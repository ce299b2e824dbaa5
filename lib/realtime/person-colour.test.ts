import { describe, expect, it } from 'vitest';
import { personColourAt, personPalette } from './person-colour';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

describe('personColourAt', () => {
  it('gives every palette colour at least 4.5:1 contrast with white label text', () => {
    for (const colour of personPalette) {
      const contrast = 1.05 / (luminance(colour) + 0.05);
      expect(contrast, colour).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gives people next to each other in the order different colours, and a translucent variant for the selection', () => {
    const colours = Array.from({ length: personPalette.length }, (_, i) => personColourAt(i).color);
    expect(new Set(colours).size).toBe(personPalette.length);
    expect(personColourAt(personPalette.length)).toEqual(personColourAt(0));
    expect(personColourAt(3).colorLight).toBe(`${personColourAt(3).color}33`);
  });

  it('never falls outside the palette', () => {
    for (const index of [0, 11, 12, 1000, -1]) expect(personPalette).toContain(personColourAt(index).color);
  });
});
