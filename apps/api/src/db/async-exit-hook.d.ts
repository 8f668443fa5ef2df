// async-exit-hook ships no types; Taskline only calls unhookEvent (see embedded.ts).
declare module "async-exit-hook" {
  const hook: ((fn: (done: () => void) => void) => void) & { unhookEvent(event: string): void };
  export default hook;
}
