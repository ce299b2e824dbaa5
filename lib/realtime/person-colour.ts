/**
 * The colour a person's caret, selection and name label have in every shared
 * field. The server assigns it (presence is filtered there: server/realtime/yjs/
 * awareness-filter.ts) from the person's place in the order in which accounts
 * were created (load-person-colour.ts) — accounts are never deleted, so that
 * place never changes: the same colour on every screen, node and visit, and
 * nobody can pick another's. Unlike a hash of the id, people created one after
 * another (a unit's members, mostly) get different colours: two share one only
 * when twelve accounts lie between them.
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

/** The colour at a person's place in the order of accounts (wrapping round the palette). */
export function personColourAt(index: number): PersonColour {
  const color = personPalette[((index % personPalette.length) + personPalette.length) % personPalette.length];
  // y-codemirror.next draws a remote selection with `colorLight`: the same hue, translucent (20 %).
  return { color, colorLight: `${color}33` };
}
