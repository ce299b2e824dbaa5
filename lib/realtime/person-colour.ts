/**
 * The colour a person's caret, selection and name label have in every shared
 * field. The server assigns it (presence is filtered there: server/realtime/yjs/
 * awareness-filter.ts) from the user id alone, so a person has the same colour
 * on every screen, every node and every visit, and nobody can pick another's.
 */
export type PersonColour = { color: string; colorLight: string };

/**
 * Tailwind's 700 shades: each has at least 4.5:1 contrast with white (WCAG AA
 * for the label's white text, checked by the unit test), and they are far
 * enough apart to tell a handful of people in one field from each other.
 */
export const personPalette = [
  '#1d4ed8', // blue
  '#b91c1c', // red
  '#15803d', // green
  '#7e22ce', // purple
  '#c2410c', // orange
  '#0f766e', // teal
  '#be185d', // pink
  '#4d7c0f', // lime
  '#0369a1', // sky
  '#a21caf', // fuchsia
  '#b45309', // amber
  '#4338ca', // indigo
] as const;

/** A stable hash (FNV-1a, 32 bits) of the user id: the same on every node and after a restart. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function personColour(userId: string): PersonColour {
  const color = personPalette[hash(userId) % personPalette.length];
  // y-codemirror.next draws a remote selection with `colorLight`: the same hue, translucent (20 %).
  return { color, colorLight: `${color}33` };
}
