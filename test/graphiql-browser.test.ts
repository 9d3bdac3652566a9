// GraphiQL in a real browser (Debian's chromium, driven by playwright-core), with no network but
// this server: the page loads and every example tab runs as shipped, with the demo key it carries,
// answering data and neither errors nor userErrors. The walk of a case runs twice, as a
// newcomer pressing Run again would.
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphiqlExamples } from "../src/http/graphiql.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

const CHROMIUM = "/usr/bin/chromium";
const NOW = "2026-03-02T02:00:00Z";

/** The whole answer (the response pane shows only what fits on the screen). */
function answerText(page: Page): Promise<string> {
  return page.locator(".graphiql-response .CodeMirror").evaluate((editor: unknown) => (editor as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
}

/** Runs one operation of the open tab and returns the answer once it has arrived. */
async function run(page: Page, operation: string, several: boolean): Promise<string> {
  const before = await answerText(page);
  if (several) {
    // As a person would: the cursor in the operation, then Ctrl-Enter runs that one.
    await page.locator(".graphiql-query-editor .CodeMirror-line", { hasText: new RegExp(`^(mutation|query) ${operation}\\b`) }).click();
    await page.keyboard.press("Control+Enter");
  } else {
    await page.locator(".graphiql-execute-button").click();
  }
  await expect.poll(async () => {
    const text = await answerText(page);
    return text !== before && /"(data|errors)"/.test(text);
  }, { timeout: 15_000 }).toBe(true);
  await page.waitForTimeout(100);
  return answerText(page);
}

function expectClean(answer: string, label: string) {
  expect(answer, label).toContain('"data"');
  expect(answer, label).not.toContain('"errors"');
  // Every userErrors list in the answer is empty.
  expect(answer.match(/"userErrors"/g)?.length ?? 0, label).toBe(answer.match(/"userErrors": \[\]/g)?.length ?? 0);
}

describe.runIf(existsSync(CHROMIUM))("GraphiQL in headless Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer("pglite", { config: { seedDemo: true }, now: NOW });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("runs every example tab with its own demo key, every request going to this server only", async () => {
    const page = await browser.newPage();
    const origins = new Set<string>();
    page.on("request", (request) => origins.add(new URL(request.url()).origin));
    await page.goto(server.url, { waitUntil: "load" });
    // Tabs saved by an earlier edition of the page (with placeholder keys) do not come back.
    await page.evaluate(`localStorage.setItem("graphiql:tabState", JSON.stringify({ activeTabIndex: 0, tabs: [{ id: "old", hash: "old", title: "Old", query: "query Old { services { code } }", variables: null, headers: "{ \\"authorization\\": \\"Bearer <an ANALYST key>\\" }", operationName: "Old", response: null }] }))`);
    await page.reload({ waitUntil: "load" });
    const examples = graphiqlExamples(NOW.slice(0, 10));
    expect(examples.length).toBeGreaterThanOrEqual(7);
    const ran: string[] = [];
    for (const example of examples) {
      // A tab is titled by its first operation.
      await page.locator(".graphiql-tabs").getByText(example.operations[0]!, { exact: true }).click();
      await expect.poll(async () => page.locator(".graphiql-query-editor").innerText(), { timeout: 15_000 }).toMatch(new RegExp(`(query|mutation) ${example.operations[0]}\\b`));
      await page.waitForTimeout(300);
      const several = example.operations.length > 1;
      for (let round = 0; round < (several ? 2 : 1); round++) {
        let answer = "";
        for (const operation of example.operations) {
          answer = await run(page, operation, several);
          expectClean(answer, `${example.title} · ${operation} (round ${round + 1})`);
          ran.push(operation);
        }
        expect(answer, example.title).toContain(example.expect);
      }
    }
    expect(ran).toContain("Approve");
    expect(ran.filter((op) => op === "Approve")).toHaveLength(2);
    expect([...origins]).toEqual([new URL(server.url).origin]);
    await page.close();
  }, 180_000);
});
