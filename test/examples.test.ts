import { describe, expect, it } from 'vitest';
import { loadExamples } from '../scripts/example-inputs.js';
import { createRenderer } from '../src/node/index.js';

// File snapshots pin the rendered output of every example; review diffs with `npx vitest run -u`.
const examples = await loadExamples();

describe.each(examples)('example $name', ({ name, input, options }) => {
  it('matches its html and text snapshots', async () => {
    const result = (await createRenderer(options)).render(input);
    await expect(result.html).toMatchFileSnapshot(`__snapshots__/examples/${name}.html`);
    await expect(result.text).toMatchFileSnapshot(`__snapshots__/examples/${name}.txt`);
  });
});
