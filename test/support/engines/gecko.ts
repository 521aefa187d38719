/** Gecko (Thunderbird): Debian's `firefox-esr` through puppeteer-core over WebDriver BiDi. */
import puppeteer from 'puppeteer-core';
import type { EngineBrowser, EngineLauncher, EnginePage, Scheme } from './types.js';

const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export const geckoEngine: EngineLauncher = {
  engine: 'gecko',
  label: 'Gecko',
  binaries: [firefoxPath],
  install: 'apt-get install -y --no-install-recommends firefox-esr (or set FIREFOX_PATH)',
  async launch(scheme: Scheme): Promise<EngineBrowser> {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: true,
      extraPrefsFirefox: {
        // The colour scheme is a preference read at launch: 0 dark, 1 light.
        'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1,
        // Classic scrollbars take 12 px: headless Firefox would lay a 375 px page out at 363 px.
        'ui.useOverlayScrollbars': 1,
      },
    });
    // puppeteer reports `firefox/153.8.0`.
    const version = `Firefox ${(await browser.version()).split('/')[1] ?? '?'} (Gecko)`;
    return {
      engine: 'gecko',
      scheme,
      version,
      // Images on the page server's /blocked/ path answer 404: Gecko shows them as it shows an
      // image it could not load, which is what Thunderbird shows with remote content off.
      async open(url, width): Promise<EnginePage> {
        const page = await browser.newPage();
        await page.setViewport({ width, height: 800 });
        await page.goto(url, { waitUntil: 'load' });
        return {
          resize: (w) => page.setViewport({ width: w, height: 800 }),
          evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
          screenshot: async () => Buffer.from(await page.screenshot({ fullPage: true })),
          close: () => page.close(),
        };
      },
      close: () => browser.close(),
    };
  },
};
