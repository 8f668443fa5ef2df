import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, redactSecrets } from "./logger.js";

describe("redactSecrets", () => {
  it("replaces secret keys at any depth up to four levels, in arrays too, and never changes its input", () => {
    const input = {
      token: "t",
      user: { name: "ada", password: "p", nested: { deeper: { apiKey: "k", deepest: { secret: "s", below: { secret: "kept: five levels down" } } } } },
      list: [{ authorization: "Bearer x" }, "plain"],
      at: new Date(0),
      untouched: { a: 1 },
    };
    const before = JSON.stringify(input);
    const out = redactSecrets(input);
    expect(out).toEqual({
      token: "[redacted]",
      user: { name: "ada", password: "[redacted]", nested: { deeper: { apiKey: "[redacted]", deepest: { secret: "[redacted]", below: { secret: "kept: five levels down" } } } } },
      list: [{ authorization: "[redacted]" }, "plain"],
      at: new Date(0),
      untouched: { a: 1 },
    });
    expect(JSON.stringify(input)).toBe(before);
    expect(out.untouched).toBe(input.untouched); // nothing secret inside: not copied
    const clean = { a: { b: [1, 2] } };
    expect(redactSecrets(clean)).toBe(clean);
  });

  it("keeps an Error an Error (message and stack) when it carries a secret", () => {
    const err = Object.assign(new Error("request failed"), { config: { headers: { authorization: "Bearer x" } } });
    const out = redactSecrets({ err }).err as Error & { config: { headers: { authorization: string } } };
    expect(out).toBeInstanceOf(Error);
    expect(out.message).toBe("request failed");
    expect(out.stack).toBe(err.stack);
    expect(out.config.headers.authorization).toBe("[redacted]");
    expect(err.config.headers.authorization).toBe("Bearer x");
  });

  it("redacts the lines and the child bindings of the process logger", () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const log = createLogger("info", { destination });
    log.child({ component: "x", credentials: { user: "u" } }).child({ token: "t2" }).info({ payload: { client_secret: "c", keep: 1 }, err: Object.assign(new Error("boom"), { password: "p" }) }, "hello");
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ component: "x", credentials: "[redacted]", token: "[redacted]", payload: { client_secret: "[redacted]", keep: 1 }, err: { message: "boom", password: "[redacted]" }, msg: "hello" });
    expect(lines[0]).not.toMatch(/"p"|"c"|"u"|"t2"/);
  });
});
