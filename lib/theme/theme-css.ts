import { generateColorScale } from '@digdir/designsystemet/color';

/** Samlet's own accent when an installation names none (the dark blue of the first design). */
export const defaultThemeColor = '#1f4e79';

export type ThemeSettings = {
  /** The installation's main colour, `#rrggbb`; Designsystemet derives its accent scale from it. */
  color: string;
  /** A logo served by Samlet itself (a path such as `/logo.svg`, or a `data:image/…` URL), or none. */
  logoUrl: string | null;
};

export const defaultTheme: ThemeSettings = { color: defaultThemeColor, logoUrl: null };

/**
 * The CSS that gives Designsystemet's accent colour the installation's colour:
 * the 16 steps of the scale (background, surface, border, text, base) the
 * theme builder would generate, computed with Designsystemet's own colour
 * module so contrast steps match what its components expect. Light scheme
 * only: Samlet does not offer a dark mode.
 */
export function themeCss(settings: ThemeSettings): string {
  const scale = generateColorScale(settings.color as `#${string}`, 'light');
  const declarations = scale.map((step) => `--ds-color-accent-${step.name}:${step.hex};`).join('');
  return `:root{${declarations}}`;
}
