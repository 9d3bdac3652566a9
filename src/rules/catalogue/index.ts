export * from "./codes.js";
export * from "./service-definition.js";
export * from "./catalogue.js";
