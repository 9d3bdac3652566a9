// registerWebhook's checks (docs/webhooks.md): a reachable, safe URL and a non-empty set of events.
import type { Problem } from "../shared/problem.js";
import { webhookProblem } from "./webhook-codes.js";
import type { WebhookEvent } from "./event-types.js";

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

export function validateWebhook(input: { url: string; events: readonly WebhookEvent[] }, production: boolean): Problem[] {
  const problems: Problem[] = [];
  const url = parseUrl(input.url.trim());
  if (!url || input.url.length > 500) {
    problems.push(webhookProblem("INVALID_URL", ["input", "url"], {}));
  } else if (url.username || url.password) {
    problems.push(webhookProblem("INVALID_URL", ["input", "url"], { credentials: true }));
  } else if (url.protocol === "http:" && (production || !LOOPBACK.test(url.hostname))) {
    problems.push(webhookProblem("HTTPS_REQUIRED", ["input", "url"]));
  }
  if (input.events.length === 0 || new Set(input.events).size !== input.events.length) {
    problems.push(webhookProblem("INVALID_EVENTS", ["input", "events"]));
  }
  return problems;
}

function parseUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}
