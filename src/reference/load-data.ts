// Reads the reviewed data sets in data/ (the same relative place from src/ and from dist/).
import { readFileSync } from "node:fs";

export function readDataJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(new URL(`../../data/${relativePath}`, import.meta.url), "utf8")) as T;
}

export function readDataText(relativePath: string): string {
  return readFileSync(new URL(`../../data/${relativePath}`, import.meta.url), "utf8");
}
