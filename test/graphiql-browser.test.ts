// GraphiQL in a real browser (Debian's chromium, driven by playwright-core), with no network but
// this server: the page loads, runs an example operation and shows its result.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/test-server.js";

const CHROMIUM = "/usr/bin/chromium";

describe.runIf(existsSync(CHROMIUM))("GraphiQL in headless Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer("pglite", { config: { seedDemo: true } });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("runs the public example and shows the catalogue, every request going to this server only", async () => {
    const page = await browser.newPage();
    const origins = new Set<string>();
    page.on("request", (request) => origins.add(new URL(request.url()).origin));
    await page.goto(server.url, { waitUntil: "load" });
    await page.getByText("Public", { exact: true }).click();
    // The tab's query must be in the editor (and GraphiQL's chosen operation with it) before running.
    await expect.poll(async () => page.locator(".graphiql-query-editor").innerText(), { timeout: 15_000 }).toContain("query Public");
    await page.waitForTimeout(300);
    await page.locator(".graphiql-execute-button").click();
    await expect.poll(async () => page.locator(".graphiql-response").innerText(), { timeout: 15_000 }).toContain("FAMILY_DOCTOR");
    expect([...origins]).toEqual([new URL(server.url).origin]);
    await page.close();
  }, 60_000);
});
