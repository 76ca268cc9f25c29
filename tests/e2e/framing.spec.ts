import { test, expect } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { servers } from './support/env.ts';

// Another origin (same host, another port) tries to frame each real server's home page.
test.describe('framing by another origin is refused', () => {
  let attacker: Server;
  let attackerUrl = '';

  test.beforeAll(async () => {
    attacker = createServer((req, res) => {
      const target = new URL(req.url ?? '/', 'http://x').searchParams.get('target') ?? '';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>attacker</title><iframe id="victim" src="${target}"></iframe>`);
    });
    await new Promise<void>((done) => attacker.listen(0, '127.0.0.1', done));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  });

  test.afterAll(async () => {
    await new Promise<void>((done) => attacker.close(() => done()));
  });

  for (const server of servers()) {
    test(`on ${server.name}`, async ({ page }) => {
      const blocked: string[] = [];
      page.on('console', (m) => {
        if (/frame-ancestors|X-Frame-Options|refused to/i.test(m.text())) blocked.push(m.text());
      });
      await page.goto(`${attackerUrl}/?target=${encodeURIComponent(`${server.url}/`)}`);
      await page.waitForTimeout(500);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      // The frame never shows our page (Chromium replaces it with its error page) and says why.
      expect(frame?.url() ?? '').not.toContain(server.url);
      const skip = frame
        ? await frame
            .locator('a.skip-link')
            .count()
            .catch(() => 0)
        : 0;
      expect(skip).toBe(0);
      expect(blocked.length).toBeGreaterThan(0);
    });
  }
});
