/** Chromium (Gmail and Outlook on the web): Debian's `chromium` through playwright-core. */
import { chromiumInstall, chromiumPath, launchChromium } from '../fidelity.js';
import type { EngineBrowser, EngineLauncher, EnginePage, Scheme } from './types.js';

export const chromiumEngine: EngineLauncher = {
  engine: 'chromium',
  label: 'Chromium',
  binaries: [chromiumPath],
  install: chromiumInstall,
  async launch(scheme: Scheme): Promise<EngineBrowser> {
    const browser = await launchChromium();
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 600, height: 800 } });
    return {
      engine: 'chromium',
      scheme,
      version: `Chromium ${browser.version()}`,
      async open(url, width, options = {}): Promise<EnginePage> {
        const page = await context.newPage();
        // Only the page server answers; with images off, image requests fail as a client blocks them.
        await page.route('**/*', (route) => {
          const request = route.request();
          const local = request.url().startsWith('http://127.0.0.1:');
          const blocked = options.blockImages && request.resourceType() === 'image';
          return local && !blocked ? route.continue() : route.abort('blockedbyclient');
        });
        await page.setViewportSize({ width, height: 800 });
        await page.goto(url, { waitUntil: 'load' });
        return {
          resize: (w) => page.setViewportSize({ width: w, height: 800 }),
          evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
          screenshot: () => page.screenshot({ fullPage: true }),
          close: () => page.close(),
        };
      },
      close: () => browser.close(),
    };
  },
};
