export * from "./calendar-data.js";
export * from "./working-days.js";
