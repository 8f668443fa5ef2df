import { createSourceEventStream, type DocumentNode, type ExecutionArgs, type ExecutionResult, execute, print } from "graphql";

type Result = ExecutionResult | Promise<ExecutionResult>;

/** Printed documents, so identical subscriptions sent by different clients share a key. */
const printed = new WeakMap<DocumentNode, string>();
/** Results per event object and subscription key; entries go when the event object is garbage-collected. */
const results = new WeakMap<object, Map<string, Result>>();

/**
 * graphql-js's `subscribe`, except that an event delivered to many subscribers with the same document, variables
 * and viewer is executed once and the result shared. The TaskHub hands the same event object to every listener, so
 * a thousand browsers watching one task cost one execution per change instead of a thousand. Snapshots (each
 * subscriber's own first event) are executed as usual.
 *
 * `viewerKey` must tell apart callers who may see different results (identity, roles).
 */
export function createSharedSubscribe(viewerKey: (contextValue: unknown) => string) {
  return async function subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source as ExecutionResult;
    let doc = printed.get(args.document);
    if (doc === undefined) printed.set(args.document, (doc = print(args.document)));
    const key = `${viewerKey(args.contextValue)}\u0000${args.operationName ?? ""}\u0000${JSON.stringify(args.variableValues ?? {})}\u0000${doc}`;
    return mapIterator(source, (event) => {
      if (typeof event !== "object" || event === null) return execute({ ...args, rootValue: event });
      let perEvent = results.get(event);
      if (!perEvent) results.set(event, (perEvent = new Map()));
      let result = perEvent.get(key);
      if (!result) perEvent.set(key, (result = execute({ ...args, rootValue: event })));
      return result;
    });
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterableIterator<unknown> {
  // graphql-js returns an ExecutionResult (errors) or the resolver's iterator.
  return typeof (value as AsyncIterable<unknown>)?.[Symbol.asyncIterator] === "function";
}

/** Maps an async iterator, passing `return` through so unsubscribing releases the source at once. */
function mapIterator<T, U>(source: AsyncIterableIterator<T>, fn: (value: T) => U | Promise<U>): AsyncIterableIterator<U> {
  const it = source[Symbol.asyncIterator]();
  return {
    async next() {
      const r = await it.next();
      return r.done ? { value: undefined, done: true } : { value: await fn(r.value), done: false };
    },
    async return() {
      await it.return?.();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown) {
      await it.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
