// The userErrors of the webhook mutations (registerWebhook, disableWebhook, redeliverWebhook), with
// zh and en text. A code without both texts does not compile: the messages are a Record over the code list.
import { problemMaker, type MessageTable } from "../shared/outcome-codes.js";

export const WEBHOOK_CODES = ["UNKNOWN_PARTNER", "INVALID_URL", "HTTPS_REQUIRED", "TARGET_NOT_ALLOWED", "INVALID_EVENTS", "UNKNOWN_WEBHOOK", "UNKNOWN_DELIVERY", "WEBHOOK_DISABLED"] as const;
export type WebhookCode = (typeof WEBHOOK_CODES)[number];

export const REGISTER_WEBHOOK_CODES = ["UNKNOWN_PARTNER", "INVALID_URL", "HTTPS_REQUIRED", "TARGET_NOT_ALLOWED", "INVALID_EVENTS"] as const satisfies readonly WebhookCode[];
export const DISABLE_WEBHOOK_CODES = ["UNKNOWN_WEBHOOK"] as const satisfies readonly WebhookCode[];
export const REDELIVER_WEBHOOK_CODES = ["UNKNOWN_DELIVERY", "WEBHOOK_DISABLED"] as const satisfies readonly WebhookCode[];

export const WEBHOOK_MESSAGES = {
  UNKNOWN_PARTNER: () => ({ zh: "没有这个服务商。", en: "No partner with this code." }),
  INVALID_URL: (v: { credentials?: boolean }) =>
    v.credentials === true
      ? { zh: "回调地址不能包含用户名或密码。", en: "The URL cannot carry a user name or password." }
      : { zh: "回调地址须为有效的 http(s) 网址，最长500个字符。", en: "The URL must be a valid http(s) URL of at most 500 characters." },
  HTTPS_REQUIRED: () => ({ zh: "回调地址须使用 https。", en: "Webhooks are sent over https only (http:// only to loopback addresses outside production)." }),
  TARGET_NOT_ALLOWED: () => ({
    zh: "回调地址须解析为公网地址（不接受本机、内网、链路本地或未指定地址）。",
    en: "The URL must resolve to a public address (loopback, private, link-local and unspecified addresses are refused).",
  }),
  INVALID_EVENTS: () => ({ zh: "须列出至少一种且不重复的事件。", en: "List at least one event, each once." }),
  UNKNOWN_WEBHOOK: () => ({ zh: "没有这个回调地址。", en: "No webhook with this id." }),
  UNKNOWN_DELIVERY: () => ({ zh: "没有这条推送记录。", en: "No delivery with this id." }),
  WEBHOOK_DISABLED: () => ({ zh: "该回调地址已停用。", en: "The webhook is disabled." }),
} satisfies MessageTable<WebhookCode>;

/** A webhook mutation's userError: a code of this table, the input field it is about, its text. */
export const webhookProblem = problemMaker(WEBHOOK_MESSAGES);
