import type { Page } from 'playwright-core';

/**
 * How many pixels differ between two PNG screenshots of the same area, decoded
 * by the page's own canvas (no image library needed). For what the page's CSS
 * cannot reach or read back — Chromium's focus ring on a date field's calendar
 * button, which lives in the browser's own shadow tree — a visible change on
 * screen is the only evidence that focus can be seen.
 */
export async function changedPixels(page: Page, before: Buffer, after: Buffer): Promise<number> {
  return page.evaluate(
    async ([a, b]) => {
      const decode = async (base64: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const [x, y] = await Promise.all([decode(a), decode(b)]);
      if (x.length !== y.length) return Number.POSITIVE_INFINITY;
      let changed = 0;
      // A pixel counts when any channel moved by more than anti-aliasing noise.
      for (let i = 0; i < x.length; i += 4) {
        if (Math.abs(x[i] - y[i]) + Math.abs(x[i + 1] - y[i + 1]) + Math.abs(x[i + 2] - y[i + 2]) > 48) changed++;
      }
      return changed;
    },
    [before.toString('base64'), after.toString('base64')] as const,
  );
}
