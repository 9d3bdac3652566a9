// Relay connection arguments: validated bounds and opaque cursors.
import { GraphQLError } from "graphql";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new GraphQLError(`first must be between 0 and ${MAX_PAGE_SIZE}`, { extensions: { code: "BAD_USER_INPUT", argumentName: "first" } });
  }
  return first;
}

/**
 * A connection whose totalCount is counted only when the query selects it (a count is a statement
 * of its own, often dearer than the page), and once however often it is selected.
 *
 * A class, its getter on the prototype: an accessor defined on each object (`defineProperty` with
 * a closure, or `get` in an object literal) gives each connection an accessor pair, and a hidden
 * class, of its own, which V8 allocates in the old generation, and from there they keep the whole
 * request alive through every young-generation collection until a full one
 * (docs/decisions/0101-no-accessors-made-per-request.md).
 */
export class Connection<E, P> {
  readonly #count: () => Promise<number>;
  #counted: Promise<number> | undefined;

  constructor(
    readonly edges: E[],
    readonly pageInfo: P,
    count: () => Promise<number>,
  ) {
    this.#count = count;
  }

  get totalCount(): Promise<number> {
    return (this.#counted ??= this.#count());
  }
}

/** An edge whose cursor is encoded only when a query selects it (lists are mostly read without). */
export class Edge<N> {
  constructor(
    private readonly kind: string,
    private readonly key: string,
    readonly node: N,
  ) {}

  get cursor(): string {
    return encodeCursor(this.kind, this.key);
  }
}

/** Page info over a page's edges, the cursors again encoded on demand. */
export class PageInfo {
  constructor(
    private readonly edges: readonly Edge<unknown>[],
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

export function encodeCursor(kind: string, key: string): string {
  return Buffer.from(`${kind}|${key}`, "utf8").toString("base64url");
}

export function decodeCursor(kind: string, cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  if (!decoded.startsWith(`${kind}|`)) {
    throw new GraphQLError("after is not a cursor of this list", { extensions: { code: "BAD_USER_INPUT", argumentName: "after" } });
  }
  return decoded.slice(kind.length + 1);
}
