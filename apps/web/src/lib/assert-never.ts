/** Ends an exhaustive switch: adding a union member without a case becomes a compile error. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
