import type { LocalizedText } from "../shared/localized-text.js";

/** Shorthand for catalogue data: Chinese (the handbook's words, looked up by clause id: src/rules/handbook/clauses.ts), then English. */
export const t = (zh: string, en: string): LocalizedText => ({ zh, en });

/** Step 1 of most services: the handbook's 流程.1 remark (`zh`), and ours. */
export const applyStep = (zh: string): LocalizedText => t(zh, "The policyholder or insured calls the AXA Tianping service line 95550 to apply.");

/** The note most services end with (the same-insured note of 温馨提示): the handbook's words (`zh`), and ours. */
export const sameInsuredNote = (zh: string): LocalizedText =>
  t(zh, "The policyholder may apply on the insured's behalf, but only the insured of this product receives the service.");
