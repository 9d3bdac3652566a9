// Splits the handbook's text into clauses with stable ids (docs/handbook-trace.md explains the scheme).
// Pure: text in, clauses out, the same every time.
//
// Id: SECTION.subsection.N[.M]
// - SECTION: GENERAL (the letter and its 温馨提示 before 目录) or one of the seven services.
// - subsection: 介绍 (服务介绍/服务内容), 条件, 标准, 流程, 提示, 网络; GENERAL has 说明.
// - N: the item's position in its subsection, 1-based, whatever number is printed; for 流程 the
//   row's step number; for 介绍 and 说明 each paragraph; for 网络 each table data row (header rows
//   skipped). N = 0 is the unnumbered text that leads a subsection: the caveat above a network
//   table, or the remark printed with a section's heading (in 介绍).
// - M: only when an item holds several sentences — its 1-based sentence. Sentences end after
//   。；;！! and at a line break; a line that is only a short label ending in ：(服务时间：) is joined
//   to the line after it. A network row is one clause, never split.
// Text: markup removed (** and a line's leading *), list markers and step numbers dropped,
// whitespace runs kept as one space.

export const SECTION_CODES = ["GENERAL", "FAMILY_DOCTOR", "GREEN_CHANNEL", "ADVANCE", "SECOND_OPINION", "MDT", "GENE_TEST", "JAPAN"] as const;
export type SectionCode = (typeof SECTION_CODES)[number];
export const SUBSECTION_CODES = ["说明", "介绍", "条件", "标准", "流程", "提示", "网络"] as const;
export type SubsectionCode = (typeof SUBSECTION_CODES)[number];

export interface Clause {
  readonly id: string;
  readonly section: SectionCode;
  readonly subsection: SubsectionCode;
  /** The item id (SEC.sub.N): equal to id unless the item holds several sentences. */
  readonly item: string;
  readonly text: string;
  /** 1-based line of the handbook text where the clause starts. */
  readonly line: number;
  /** Network rows: the row's non-empty cells. */
  readonly cells?: readonly string[];
}

/** Section headings as printed (a heading may carry a remark after it: see 赴日就医协助). */
const SECTION_TITLES: readonly [string, SectionCode][] = [
  ["家庭医生", "FAMILY_DOCTOR"],
  ["就医绿色通道", "GREEN_CHANNEL"],
  ["住院垫付服务", "ADVANCE"],
  ["国内第二诊疗意见", "SECOND_OPINION"],
  ["MDT 多学科会诊", "MDT"],
  ["靶向药基因检测", "GENE_TEST"],
  ["赴日就医协助", "JAPAN"],
];

const SUBSECTION_TITLES: Record<string, SubsectionCode> = {
  服务介绍: "介绍",
  服务内容: "介绍",
  服务条件: "条件",
  服务标准: "标准",
  服务流程: "流程",
  温馨提示: "提示",
  服务覆盖网络: "网络",
};

/** Cells that only head a table's columns. */
const TABLE_HEADER_CELLS = new Set(["省份", "城市", "省/市", "市", "医院名单", "医疗机构名称", "中文", "日本語", "步骤", "服务内容"]);

const ITEM_START = /^\s*(?:-\s*)?\d+\s*[.)、．]\s*/;
const LABEL_LINE = /^[^。；;！!]{1,10}[：:]$/;

interface Item {
  n: number;
  line: number;
  lines: string[];
  cells?: string[];
}

interface Block {
  section: SectionCode;
  subsection: SubsectionCode;
  items: Item[];
}

/** Removes markup: every ** and a line's leading *. */
export function cleanLine(line: string): string {
  return line
    .replace(/\*\*/g, "")
    .replace(/^\s*\*+/, "")
    .replace(/[ \t\u3000]+/g, " ")
    .trim();
}

/** The sentences of an item's lines: split after 。；;！! and at line breaks, short labels joined. */
export function splitSentences(lines: readonly string[]): string[] {
  const joined: string[] = [];
  for (const raw of lines) {
    const line = cleanLine(raw.replace(/^\s*-\s+/, ""));
    if (!line) continue;
    const last = joined.length - 1;
    if (last >= 0 && LABEL_LINE.test(joined[last]!)) joined[last] = `${joined[last]}${line}`;
    else joined.push(line);
  }
  return joined.flatMap((line) =>
    (line.match(/[^。；;！!]+[。；;！!]*|[。；;！!]+/g) ?? [])
      .map((s) => s.trim())
      .filter((s) => /[\p{L}\p{N}]/u.test(s)),
  );
}

function sectionOf(line: string): { code: SectionCode; remark: string } | null {
  if (line.includes("\t")) return null;
  const trimmed = line.trim();
  for (const [title, code] of SECTION_TITLES) {
    if (trimmed === title || (trimmed.startsWith(title) && /^\s*[（(]/.test(trimmed.slice(title.length)))) {
      return { code, remark: trimmed.slice(title.length).trim() };
    }
  }
  return null;
}

/** Splits the whole handbook. Throws on a structure it does not know, so a new edition is read, not guessed. */
export function splitHandbook(text: string): Clause[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const contents = lines.findIndex((l) => l.trim() === "目录");
  if (contents < 0) throw new Error("no 目录 line: the general part cannot be told from the services");
  const blocks: Block[] = [];
  const block = (section: SectionCode, subsection: SubsectionCode): Block => {
    const found = blocks.find((b) => b.section === section && b.subsection === subsection);
    if (found) return found;
    const created: Block = { section, subsection, items: [] };
    blocks.push(created);
    return created;
  };

  // GENERAL: every paragraph between the title lines (title, edition) and 目录.
  const general = block("GENERAL", "说明");
  lines.slice(0, contents).forEach((line, index) => {
    if (!line.trim()) return;
    general.items.push({ n: 0, line: index + 1, lines: [line] });
  });
  general.items.splice(0, 2); // the handbook's title and edition
  general.items.forEach((item, i) => (item.n = i + 1));

  let section: SectionCode | null = null;
  let current: Block | null = null;
  let tableStarted = false;
  for (let index = contents + 1; index < lines.length; index++) {
    const raw = lines[index]!;
    const lineNo = index + 1;
    if (!raw.trim()) continue;
    const heading = sectionOf(raw);
    if (heading) {
      // The table of contents lists titles with page numbers (tabs); a heading stands alone.
      section = heading.code;
      current = null;
      if (heading.remark) block(section, "介绍").items.push({ n: 0, line: lineNo, lines: [heading.remark] });
      continue;
    }
    if (section === null) continue; // table of contents
    const sub = SUBSECTION_TITLES[raw.trim()];
    if (sub && !raw.includes("\t")) {
      current = block(section, sub);
      tableStarted = false;
      continue;
    }
    if (current === null) throw new Error(`line ${lineNo}: text before any subsection of ${section}`);
    const items = current.items;
    if (current.subsection === "网络") {
      if (!raw.includes("\t")) {
        if (!tableStarted && items.length === 0) {
          items.push({ n: 0, line: lineNo, lines: [raw] });
        } else if (ITEM_START.test(raw)) {
          // A numbered note printed after the table belongs to the section's 温馨提示, as its next item.
          const notes = block(section, "提示");
          notes.items.push({ n: notes.items.filter((i) => i.n > 0).length + 1, line: lineNo, lines: [raw.replace(ITEM_START, "")] });
        } else {
          throw new Error(`line ${lineNo}: unexpected text in the network of ${section}`);
        }
        continue;
      }
      tableStarted = true;
      const cells = raw.split("\t").map((c) => c.trim()).filter(Boolean);
      if (cells.every((c) => TABLE_HEADER_CELLS.has(c))) continue;
      items.push({ n: items.filter((i) => i.n > 0).length + 1, line: lineNo, lines: [cells.join(" / ")], cells });
      continue;
    }
    if (current.subsection === "流程") {
      const step = /^(\d+)\t(.*)$/.exec(raw);
      if (step) items.push({ n: Number(step[1]), line: lineNo, lines: [step[2]!.split("\t").join(" ")] });
      else if (raw.trim().split("\t").every((c) => TABLE_HEADER_CELLS.has(c.trim()))) continue;
      else if (items.length) items[items.length - 1]!.lines.push(raw);
      else throw new Error(`line ${lineNo}: a 流程 row without a step number`);
      continue;
    }
    if (current.subsection === "介绍") {
      items.push({ n: items.filter((i) => i.n > 0).length + 1, line: lineNo, lines: [raw] });
      continue;
    }
    if (ITEM_START.test(raw)) {
      items.push({ n: items.filter((i) => i.n > 0).length + 1, line: lineNo, lines: [raw.replace(ITEM_START, "")] });
    } else if (items.length) {
      items[items.length - 1]!.lines.push(raw);
    } else {
      items.push({ n: 1, line: lineNo, lines: [raw] });
    }
  }

  const clauses: Clause[] = [];
  for (const section of SECTION_CODES) {
    for (const subsection of SUBSECTION_CODES) {
      const found = blocks.find((b) => b.section === section && b.subsection === subsection);
      if (!found) continue;
      const items = [...found.items].sort((a, b) => a.n - b.n || a.line - b.line);
      for (const item of items) {
        const itemId = `${section}.${subsection}.${item.n}`;
        if (clauses.some((c) => c.item === itemId)) throw new Error(`${itemId} appears twice`);
        if (item.cells) {
          clauses.push({ id: itemId, section, subsection, item: itemId, text: item.lines[0]!, line: item.line, cells: item.cells });
          continue;
        }
        const sentences = splitSentences(item.lines);
        if (sentences.length === 0) continue;
        sentences.forEach((sentence, i) => {
          const id = sentences.length === 1 ? itemId : `${itemId}.${i + 1}`;
          clauses.push({ id, section, subsection, item: itemId, text: sentence, line: item.line, ...(item.cells ? { cells: item.cells } : {}) });
        });
      }
    }
  }
  return clauses;
}
