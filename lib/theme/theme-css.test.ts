import { describe, expect, it } from 'vitest';
import { themeCss } from './theme-css';

describe('themeCss', () => {
  it('derives the whole accent scale from the configured colour, its base step being the colour itself', () => {
    const css = themeCss({ color: '#7a1f4e', logoUrl: null });
    expect(css).toContain('--ds-color-accent-base-default:#7a1f4e;');
    expect(css.match(/--ds-color-accent-[a-z-]+:#[0-9a-f]{6};/g)).toHaveLength(16);
    expect(css).toContain('--ds-color-accent-base-contrast-default:#ffffff;');
  });
});
