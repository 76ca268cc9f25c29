import { defineConfig } from '@playwright/test';
import { CHROME_FLAGS, chromePath } from './tests/support/chromium.ts';

// Servers (npm start, nginx, Caddy) are started once by the global setup, on free loopback ports,
// from the configs the build emitted; tests read their URLs from E2E_SERVERS.
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/support/global-setup.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env['CI']),
  reporter: process.env['CI'] ? [['list'], ['junit', { outputFile: 'test-results/e2e-junit.xml' }]] : 'list',
  timeout: 120_000,
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromePath(), args: CHROME_FLAGS },
    serviceWorkers: 'block',
  },
});
