// registerWebhook's checks (docs/webhooks.md): a reachable, safe URL and a non-empty set of events.
import { problem, type Problem } from "../shared/problem.js";
import type { WebhookEvent } from "./event-types.js";

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

export function validateWebhook(input: { url: string; events: readonly WebhookEvent[] }, production: boolean): Problem[] {
  const problems: Problem[] = [];
  const url = parseUrl(input.url.trim());
  if (!url || input.url.length > 500) {
    problems.push(problem("INVALID_URL", ["input", "url"], "回调地址须为有效的 http(s) 网址，最长500个字符。", "The URL must be a valid http(s) URL of at most 500 characters."));
  } else if (url.username || url.password) {
    problems.push(problem("INVALID_URL", ["input", "url"], "回调地址不能包含用户名或密码。", "The URL cannot carry a user name or password."));
  } else if (url.protocol === "http:" && (production || !LOOPBACK.test(url.hostname))) {
    problems.push(problem("HTTPS_REQUIRED", ["input", "url"], "回调地址须使用 https。", "Webhooks are sent over https only (http:// only to loopback addresses outside production)."));
  }
  if (input.events.length === 0 || new Set(input.events).size !== input.events.length) {
    problems.push(problem("INVALID_EVENTS", ["input", "events"], "须列出至少一种且不重复的事件。", "List at least one event, each once."));
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
