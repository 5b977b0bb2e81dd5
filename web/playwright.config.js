// End-to-end tests: Debian's Chromium (no browser download) against `vite preview` on 127.0.0.1.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

if (!process.env.ARGOSIM_FAKE_ENGINE && !existsSync(new URL('./src/wasm/argosim.mjs', import.meta.url))) {
  console.log(
    '\n*** argosim e2e: web/src/wasm/argosim.mjs is absent, so every browser test is SKIPPED. ' +
      'Build the engine with `cmake --workflow --preset wasm` first. ***\n',
  );
}

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PORT = Number(process.env.ARGOSIM_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/playwright',
  timeout: 30_000,
  expect: { timeout: 8_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 720 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS },
  },
  webServer: {
    command: `npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
