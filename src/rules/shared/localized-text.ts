/** Text users read, in Chinese (the handbook's wording) and English; Japanese where the source has it. */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
  readonly ja?: string;
}
