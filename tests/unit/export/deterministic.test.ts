import { describe, expect, it, vi } from "vitest";
import { unzip } from "./helpers/unzip";
import { DOC_KINDS, renderDocx } from "../../../lib/export/docx/render";
import { allDecided, model } from "./helpers/cases";

const parts = (bytes: Buffer) => Object.fromEntries([...unzip(bytes)].map(([name, b]) => [name, b.toString("utf8")]));

describe("a document is the same bytes each time it is written from the same case (an approved revision's documents never change)", () => {
  it.each(DOC_KINDS)("%s", async (kind) => {
    vi.useFakeTimers({ now: new Date("2026-12-01T03:00:00Z"), toFake: ["Date"] });
    const approved = () => model({ decisions: allDecided({}), approval: { approvedBy: "資安長 林小華", approvedAt: new Date("2026-11-20T03:00:00Z") } });
    const a = await renderDocx(approved(), kind);
    const b = await renderDocx(approved(), kind);
    vi.useRealTimers();
    if (Buffer.compare(a, b) !== 0) {
      const [pa, pb] = [parts(a), parts(b)];
      for (const name of Object.keys(pa))
        if (pb[name] !== pa[name]) {
          let i = 0;
          while (pa[name]![i] === pb[name]![i]) i++;
          expect(pb[name]!.slice(i - 80, i + 80), name).toBe(pa[name]!.slice(i - 80, i + 80));
        }
    }
    expect(Buffer.compare(a, b)).toBe(0);
  });
});
