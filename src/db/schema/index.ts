export * from "./catalogue.js";
export * from "./policy.js";
export * from "./access.js";
export * from "./case.js";
export * from "./network.js";
export * from "./metrics.js";
export * from "./webhooks.js";
export * from "./policy-import.js";
