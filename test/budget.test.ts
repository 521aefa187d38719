/**
 * Byte budgets of the rendered html (timing stays in `npm run bench`). The 5-story morning edition
 * renders to about 21.4 KB and 25 stories to about 83.7 KB; the budgets leave a little room for
 * template changes, while a section per story again (≈ +1.4 KB each) fails. Gmail clips html above
 * 102,000 B.
 */
import { describe, expect, it } from 'vitest';
import { gmailClip } from '../bench/bytes.js';
import { longEdition, morningEdition } from '../bench/editions.js';
import { createRenderer } from '../src/node/index.js';

const renderer = await createRenderer();

describe('html byte budget', () => {
  it('keeps the 5-story edition at or under 22,000 bytes', () => {
    expect(renderer.render(morningEdition()).stats.htmlBytes).toBeLessThanOrEqual(22_000);
  });

  it('keeps a 25-story edition under Gmail’s clip and under the 90,000-byte size warning', () => {
    const bytes = renderer.render(longEdition(25)).stats.htmlBytes;
    expect(bytes).toBeLessThan(gmailClip);
    expect(bytes).toBeLessThanOrEqual(86_000);
  });

  it('stays within 300 bytes of the minified size without the minifier', async () => {
    const pretty = (await createRenderer({ minify: false })).render(morningEdition()).stats.htmlBytes;
    expect(pretty - renderer.render(morningEdition()).stats.htmlBytes).toBeLessThanOrEqual(300);
  });
});
