// `npm run screenshot`: the README's home-page screenshot, taken from the built site (run `npm run build` first).
import { chromium } from '@playwright/test';
import { CHROME_FLAGS, chromePath } from '../tests/support/chromium.ts';
import { startLocalServer } from '../tests/support/local-server.ts';

const server = await startLocalServer();
const browser = await chromium.launch({ executablePath: chromePath(), args: CHROME_FLAGS });
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
    await page.goto(`${server.url}/`);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `docs/screenshot-home-${scheme}.png` });
    console.log(`docs/screenshot-home-${scheme}.png`);
  }
} finally {
  await browser.close();
  await server.close();
}
