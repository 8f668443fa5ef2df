/** TypeORM's `query` answers an UPDATE or DELETE with `[rows, count]`, anything else with the rows: always the rows. */
export function rowsOf<T = Record<string, any>>(result: unknown[]): T[] {
  return (Array.isArray(result[0]) ? result[0] : result) as T[];
}
