export * from "./catalogue.js";
export * from "./policy.js";
