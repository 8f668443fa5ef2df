import { type ClassType, Field, Int, ObjectType } from "type-graphql";
import { BadUserInputError } from "./errors.js";

@ObjectType("PageInfo")
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type `<Name>Connection` with its `<Name>Edge`, for any node type. */
export function ConnectionType<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass implements Connection<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "All nodes matching, on every page." })
    totalCount!: number;
  }
  return ConnectionClass;
}

/** Keyset position: the sort key of the last node seen. Opaque to clients. */
export type Cursor = { at: string; id: string };

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");
}

export function decodeCursor(cursor: string | null | undefined): Cursor | undefined {
  if (!cursor) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    if (typeof at !== "string" || typeof id !== "string" || Number.isNaN(Date.parse(at))) throw new Error("bad cursor");
    return { at, id };
  } catch {
    throw new BadUserInputError("The cursor is not one this API gave out");
  }
}

export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined, fallback = 20): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE) throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE_SIZE}`);
  return n;
}

/** Builds the connection from one page fetched with `limit + 1` rows (the extra row tells whether more exist). */
export function toConnection<T extends { id: string }>(rows: T[], limit: number, totalCount: number, sortKey: (row: T) => Date): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(sortKey(node), node.id), node }));
  return { edges, totalCount, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
}
