import type { LocalizedText } from "../shared/localized-text.js";

/** Shorthand for catalogue data: Chinese as the handbook words it, then English. */
export const t = (zh: string, en: string): LocalizedText => ({ zh, en });

export const APPLY_STEP_DESCRIPTION = t(
  "投保人/被保险人致电安盛天平服务热线 95550 申请本服务",
  "The policyholder or insured calls the AXA Tianping service line 95550 to apply.",
);

export const SAME_INSURED_NOTE = t(
  "本项服务可由投保人代被保险人申请预约，但仅向购买本保险产品的被保险人提供本服务。",
  "The policyholder may apply on the insured's behalf, but only the insured of this product receives the service.",
);
