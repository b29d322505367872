import { describe, expect, it } from "vitest";
import { serverNodeOptions } from "../../scripts/server-options";

describe("the web server's Node.js options", () => {
  it("caps the old generation at 384 MB and the young one at 16 MB unless told otherwise", () => {
    expect(serverNodeOptions({})).toBe("--max-old-space-size=384 --max-semi-space-size=16");
    expect(serverNodeOptions({ SERVER_HEAP_MB: "512", SERVER_SEMI_SPACE_MB: "8" })).toBe(
      "--max-old-space-size=512 --max-semi-space-size=8",
    );
  });
  it("leaves V8's limit with 0, and ignores a value that is not a whole number of MB", () => {
    expect(serverNodeOptions({ SERVER_HEAP_MB: "0", SERVER_SEMI_SPACE_MB: "0" })).toBe("");
    expect(serverNodeOptions({ SERVER_HEAP_MB: "lots", SERVER_SEMI_SPACE_MB: "16.5" })).toBe("");
  });
  it("keeps the operator's own NODE_OPTIONS, after ours so theirs win", () => {
    expect(serverNodeOptions({ NODE_OPTIONS: "--max-old-space-size=1024 --trace-gc" })).toBe(
      "--max-old-space-size=384 --max-semi-space-size=16 --max-old-space-size=1024 --trace-gc",
    );
  });
});
