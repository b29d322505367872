import { describe, expect, it } from "vitest";
import { mergeDrafts, type MergeableDraft } from "@/lib/meetings/drafts";
import type { ResolutionView } from "@/lib/meetings/types";

const resolution = (id: string, text: string): ResolutionView => ({
  id,
  sequence: 0,
  text,
  responsibleAgencyId: "a",
  supportingAgencyIds: [],
  obstacleIds: [],
  deadline: "1404/05/01",
  editable: true,
});
const fromServer = (r: ResolutionView, key?: string): MergeableDraft => ({
  key: key ?? r.id,
  id: r.id,
  text: r.text,
  state: "saved",
});

describe("the entry screen's drafts after another clerk saved", () => {
  it("shows the others' new resolutions and keeps what this clerk is typing", () => {
    const local: MergeableDraft[] = [
      { key: "r1", id: "r1", text: "old text", state: "saved" },
      { key: "r2", id: "r2", text: "my edit, unsaved", state: "unsaved" },
      { key: "new", id: null, text: "half-typed", state: "unsaved" },
    ];
    const merged = mergeDrafts(
      local,
      [resolution("r1", "changed by colleague"), resolution("r2", "server"), resolution("r3", "colleague's")],
      fromServer,
    );
    expect(merged.map((d) => [d.key, d.text])).toEqual([
      ["r1", "changed by colleague"],
      ["r2", "my edit, unsaved"],
      ["r3", "colleague's"],
      ["new", "half-typed"],
    ]);
  });

  it("drops a saved resolution deleted elsewhere but keeps one being edited", () => {
    const local: MergeableDraft[] = [
      { key: "r1", id: "r1", text: "a", state: "saved" },
      { key: "r2", id: "r2", text: "b", state: "unsaved" },
    ];
    expect(mergeDrafts(local, [], fromServer).map((d) => d.key)).toEqual(["r2"]);
  });

  it("shows a new resolution whose save is in flight once", () => {
    const local: MergeableDraft[] = [{ key: "new", id: null, text: "mine", state: "saving" }];
    expect(mergeDrafts(local, [resolution("r9", "mine")], fromServer).map((d) => d.key)).toEqual(["new"]);
  });
});
