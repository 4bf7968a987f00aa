import { describe, expect, it } from "vitest";
import { completeProfile, profileFromRow, profileIssues, type TAgencyProfile } from "@/lib/agency/profile";
import { caseProfileChanges, caseProfileFrom, effectiveCaseProfile, exportSector, parseCaseProfile } from "@/lib/agency";

const BLANK = {
  name: "測試鄉公所",
  agencyKind: "",
  ciProvider: null,
  sector: "",
  responsibilityLevel: "",
  levelBasis: "",
  levelDate: "",
  levelDocument: "",
  mailServer: null,
  cisoName: "",
  cisoTitle: "",
};
const FULL: TAgencyProfile = {
  name: "測試鄉公所",
  agencyKind: "public",
  ciProvider: false,
  sector: "education",
  responsibilityLevel: "C",
  levelBasis: "submitted",
  levelDate: "2026-01-31",
  levelDocument: "府資字第1號",
  mailServer: true,
  cisoName: "林資安長",
  cisoTitle: "副鄉長",
  coveredMeasures: [],
};

describe("the agency profile", () => {
  it("a new or migrated agency is incomplete, field by field; a stored unknown value reads as blank", () => {
    expect(profileIssues(profileFromRow(BLANK)).map((i) => i.path)).toEqual([
      "agencyKind",
      "ciProvider",
      "sector",
      "responsibilityLevel",
      "levelBasis",
      "levelDate",
      "levelDocument",
      "mailServer",
      "cisoName",
      "cisoTitle",
    ]);
    expect(profileFromRow({ ...BLANK, sector: "cii-provider", responsibilityLevel: "Z" })).toMatchObject({ sector: "", responsibilityLevel: "" });
    expect(profileIssues(FULL)).toEqual([]);
  });

  it("accepts a form's yes/no and refuses dates that do not exist", () => {
    expect(completeProfile({ ...FULL, ciProvider: "yes" as never, mailServer: "no" as never })).toMatchObject({ ciProvider: true, mailServer: false });
    for (const levelDate of ["2026-02-29", "2026/01/31", "115-01-31", "1999-12-31"])
      expect(
        profileIssues({ ...FULL, levelDate }).map((i) => i.path),
        levelDate,
      ).toEqual(["levelDate"]);
  });
});

describe("a case's snapshot of the profile", () => {
  const snap = caseProfileFrom(completeProfile(FULL)!, "王承辦");

  it("the export's sector: a CI provider's regime first, otherwise the sector", () => {
    expect(exportSector(snap)).toEqual({ agencySector: "education", ciProvider: false });
    // A CI provider keeps its sector; the documents add the CI regime to it.
    expect(exportSector({ ...snap, ciProvider: true })).toEqual({ agencySector: "education", ciProvider: true });
  });

  it("reads a migrated snapshot (yes/no answers, the old cii-provider sector) and refuses an incomplete one", () => {
    expect(
      parseCaseProfile(
        JSON.stringify({
          agencyName: "舊",
          officerName: "李",
          agencyKind: "public",
          ciProvider: true,
          sector: "cii-provider",
          responsibilityLevel: "B",
          mailServer: "yes",
        }),
      ),
    ).toMatchObject({
      sector: "cii-provider",
      mailServer: true,
    });
    expect(parseCaseProfile(JSON.stringify({ agencyName: "", sector: "", responsibilityLevel: "", mailServer: "" }))).toBeNull();
    expect(parseCaseProfile("not json")).toBeNull();
  });

  it("submitted and approved cases keep their snapshot; drafts follow the profile and name what changed", () => {
    const changed: TAgencyProfile = { ...FULL, responsibilityLevel: "B", mailServer: false };
    expect(effectiveCaseProfile({ status: "approved", agencySnapshot: snap, creatorName: "王承辦" }, changed)).toEqual(snap);
    expect(effectiveCaseProfile({ status: "submitted", agencySnapshot: snap, creatorName: "王承辦" }, changed)).toEqual(snap);
    const draft = effectiveCaseProfile({ status: "draft", agencySnapshot: snap, creatorName: "王承辦" }, changed)!;
    expect(draft).toMatchObject({ responsibilityLevel: "B", mailServer: false, officerName: "王承辦" });
    expect(caseProfileChanges(snap, draft).map((c) => `${c.label}：${c.from} → ${c.to}`)).toEqual([
      "資通安全責任等級：C 級 → B 級",
      "自行維運郵件伺服器：是 → 否",
    ]);
    // A profile emptied again leaves a draft on its snapshot rather than without one.
    expect(effectiveCaseProfile({ status: "returned", agencySnapshot: snap, creatorName: "王承辦" }, profileFromRow(BLANK))).toEqual(snap);
    expect(effectiveCaseProfile({ status: "draft", agencySnapshot: null, creatorName: "王承辦" }, profileFromRow(BLANK))).toBeNull();
  });
});
