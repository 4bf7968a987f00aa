// `npm run -s bench:decisions [-- --requests 200] [--dump review.html]`
// 1. Clicks and characters of the officer's path through the review step of the reference case
//    (開發 + 維運, B級, 中, NT$12,000,000, personal data, external service), counted the usability test's
//    way (a click/check = 1, a typed field = 1 click + its characters) from the steps the table needs:
//    「全部採用建議」, then each row still open decided inline (choice + reason), then 「送出審查」.
// 2. Server CPU of the review page against the home page, in the same run (goal ≤ 2×).
// Not a test; uses the existing .next build (bench/server.ts). Only 127.0.0.1; the temp database is removed.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { prepareDatabase } from "../lib/setup";
import { seedDemo, DEMO_USERS } from "../lib/demo";
import { createCase, getCase, saveAnswers } from "../lib/cases/store";
import { loadChecklist } from "../lib/cases/load";
import { decisionRows } from "../lib/cases/decision-rows";
import { adoptRecommendations } from "../lib/cases/decide";
import type { TActor } from "../lib/auth/roles";
import { ensureBuild, startNext } from "./server";

const { values } = parseArgs({ options: { requests: { type: "string", default: "200" }, dump: { type: "string" } }, strict: true });
const REQUESTS = Number(values.requests);
const print = (line: string) => console.log(line);
const REASON = "依機關評估"; // a typical short reason typed for a row without a recommendation

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "secreq-bench-decisions-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  try {
    const db = await prepareDatabase(url);
    await seedDemo(db);
    const agency = (await db.agency.findFirstOrThrow())!;
    await db.agency.update({ where: { id: agency.id }, data: { responsibilityLevel: "B" } });
    const officerRow = await db.user.findFirstOrThrow({ where: { email: DEMO_USERS[0]!.email } });
    await db.user.update({ where: { id: officerRow.id }, data: { mustChangePassword: false } });
    const officer: TActor = { id: officerRow.id, name: officerRow.name, agencyId: agency.id, roles: ["officer"] };
    const caseId = await createCase(db, officer);
    await saveAnswers(
      db,
      caseId,
      "case",
      { caseName: "效能測試案", caseNumber: "B-1", contractValue: "12,000,000", serviceTypes: ["development", "maintenance"] },
      officer,
    );
    await saveAnswers(
      db,
      caseId,
      "grade",
      { mode: "direct", grade: "medium", aspects: { confidentiality: "", integrity: "", availability: "", legalCompliance: "" } },
      officer,
    );
    await saveAnswers(
      db,
      caseId,
      "facts",
      { personalData: "yes", coreSystem: "no", cii: "no", externalService: "yes", mobileApp: "no", riskLevel: "高" },
      officer,
    );

    const rowsNow = async () => {
      const record = (await getCase(db, caseId))!;
      const { checklist } = await loadChecklist(db, record);
      if (!checklist.ok) throw new Error("the reference case does not resolve");
      return { checklist, rows: decisionRows(checklist, record.splits, new Map(record.decisions.map((d) => [d.itemId, d.version]))) };
    };
    const before = await rowsNow();
    const decidable = before.rows.filter((r) => r.kind);
    const adoptable = decidable.filter((r) => r.recommendation);
    await adoptRecommendations(db, caseId, before.checklist, Object.assign({}, ...before.rows.map((r) => r.bases)), officer);
    const open = (await rowsNow()).rows.filter((r) => r.kind && r.state === "open");
    // 全部採用建議 (1) + per open row: choice (1) + reason field (1 + chars) [+ reference for 另案 is not needed here] + 送出審查 (1).
    const clicks = 1 + open.length * 2 + 1;
    const chars = open.length * REASON.length;
    print(`== 參考案件（開發＋維運，B級，中，NT$12,000,000，個資，對外服務） ==`);
    print(`  檢核表 ${before.checklist.items.length} 項 → ${before.rows.length} 列；須決定 ${decidable.length} 列，其中有系統建議 ${adoptable.length} 列`);
    print(`  「全部採用建議」後仍待決定 ${open.length} 列（每列輸入理由「${REASON}」）`);
    print(`  點擊 ${clicks}、輸入欄位 ${open.length}、字元 ${chars}（今日：37 個決定、135 次點擊、35 個欄位、400 字）`);
    await db.$disconnect();

    ensureBuild(false, print);
    const server = await startNext(url, { timeoutMs: 60_000 });
    try {
      const sign = await fetch(`${server.origin}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.origin },
        body: JSON.stringify({ email: DEMO_USERS[0]!.email, password: DEMO_USERS[0]!.password }),
      });
      if (sign.status !== 200) throw new Error(`sign-in: ${sign.status}`);
      const cookie = sign.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const measure = async (p: string) => {
        for (let i = 0; i < 10; i++) await (await fetch(server.origin + p, { headers: { cookie } })).text(); // warm up
        const cpu0 = server.cpuMs();
        let bytes = 0;
        for (let i = 0; i < REQUESTS; i++) {
          const r = await fetch(server.origin + p, { headers: { cookie }, redirect: "manual" });
          const body = await r.text();
          if (r.status !== 200) throw new Error(`${p}: HTTP ${r.status}`);
          bytes = body.length;
          // --dump <file>: the review page's HTML, to see what it carries.
          if (values.dump && i === 0 && p.endsWith("/review")) writeFileSync(values.dump, body);
        }
        const cpu1 = server.cpuMs();
        return { ms: cpu0 === null || cpu1 === null ? NaN : (cpu1 - cpu0) / REQUESTS, kb: bytes / 1024 };
      };
      const home = await measure("/");
      const review = await measure(`/cases/${caseId}/review`);
      print(`== 伺服器 CPU（每次請求，${REQUESTS} 次，同一次執行） ==`);
      print(`  首頁 /             ${home.ms.toFixed(1)} ms，HTML ${home.kb.toFixed(0)} KB`);
      print(`  審查頁 /review     ${review.ms.toFixed(1)} ms，HTML ${review.kb.toFixed(0)} KB`);
      print(`  比值 ${(review.ms / home.ms).toFixed(2)}×（目標 ≤ 2×）`);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
