import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { caseVersionView } from "@/lib/cases/case-version-view";
import { returnedBanner } from "@/lib/cases/case-step-view";
import { CaseStatusBanner } from "@/components/workflow/CaseStatusBanner";
import type { TCaseItemChange } from "@/lib/cases/compare-version";
import { STATUS_LABEL } from "@/lib/cases/labels";
import { ItemChangeDetails } from "@/components/catalogue/CatalogueDiffView";
import { MoveVersionButton } from "@/components/workflow/MoveVersionButton";
import { requireUser } from "../../../_server/auth";
import { moveCaseToVersionAction } from "../../actions";

export const metadata: Metadata = { title: "與最新目錄版本比較" };
export const dynamic = "force-dynamic";

const label = (s: string | null) => (s ? ((STATUS_LABEL as Record<string, string>)[s] ?? s) : "不在本案清單");

function ChangeList({ title, id, items }: { title: string; id: string; items: TCaseItemChange[] }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold">
        {title}（{items.length}）
      </h2>
      {items.length === 0 ? (
        <p className="text-slate-700">無。</p>
      ) : (
        <ul className="space-y-2">
          {items.map((i) => (
            <li key={i.id} className="rounded border border-slate-200 bg-white p-3">
              <span className="text-sm text-slate-600">
                {i.id}．{label(i.from)} → {label(i.to)}
              </span>
              <p>{i.text}</p>
              {i.catalogue && <ItemChangeDetails fields={i.catalogue} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What the newest published catalogue version would change for this case, and the move to it. */
export default async function CaseVersionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const user = await requireUser();
  const view = await caseVersionView(db(), id, user);
  if (!view) notFound();
  const { record, newest } = view;
  const returned = await returnedBanner(db(), record);
  const banner = returned && <CaseStatusBanner caseId={record.id} status={record.status} revision={record.revision} {...returned} />;
  const back = (
    <Link href={`/cases/${record.id}/review`} className="text-brand-700 underline">
      回到案件
    </Link>
  );
  if (view.upToDate)
    return (
      <div className="space-y-4">
        {banner}
        <h1 className="text-2xl font-bold">與最新目錄版本比較</h1>
        <p>本案已使用最新發布的目錄版本 {record.catalogueVersionId}。</p>
        {back}
      </div>
    );
  const { comparison: c, canMove } = view;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <nav aria-label="導覽路徑" className="text-sm">
          {back}
        </nav>
        {banner}
        <h1 className="text-2xl font-bold">與最新目錄版本比較</h1>
        <p className="text-slate-700">
          案件「{record.title || "（未命名案件）"}」第 {record.revision} 版使用目錄版本 {record.catalogueVersionId}；最新發布版本為 {newest.version}。
        </p>
        {newest.changeSummary && (
          <p className="rounded border border-slate-200 bg-white p-3">
            <span className="font-semibold">變更摘要：</span>
            {newest.changeSummary}
          </p>
        )}
      </div>
      {!c.ok ? (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3">
          {c.message}
        </p>
      ) : (
        <>
          <p aria-live="polite">
            改用 {newest.version} 後：新增適用 {c.appear.length} 項、不再適用 {c.disappear.length} 項、變更 {c.change.length} 項；沿用決定{" "}
            {c.keptDecisions.length} 項、需重新決定 {c.needDecision.length} 項。
          </p>
          <ChangeList title="將新增適用的項目" id="cmp-appear" items={c.appear} />
          <ChangeList title="將不再適用的項目" id="cmp-disappear" items={c.disappear} />
          <ChangeList title="狀態或內容有變更的項目" id="cmp-change" items={c.change} />
          <section aria-labelledby="cmp-kept" className="space-y-2">
            <h2 id="cmp-kept" className="text-lg font-semibold">
              沿用的決定（{c.keptDecisions.length}）
            </h2>
            <ul className="list-disc space-y-1 pl-6">
              {c.keptDecisions.map((d) => (
                <li key={d.itemId}>
                  {d.text.slice(0, 60)}（{d.decidedBy}）{d.reviewSuggested && <strong className="ml-1 text-amber-800">此項內容已修訂，建議重新確認</strong>}
                </li>
              ))}
            </ul>
          </section>
          {c.droppedDecisions.length > 0 && (
            <section aria-labelledby="cmp-dropped" className="space-y-2">
              <h2 id="cmp-dropped" className="text-lg font-semibold">
                不再需要的決定（{c.droppedDecisions.length}）
              </h2>
              <ul className="list-disc space-y-1 pl-6">
                {c.droppedDecisions.map((d) => (
                  <li key={d.itemId}>{d.text.slice(0, 60)}</li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="cmp-need" className="space-y-2">
            <h2 id="cmp-need" className="text-lg font-semibold">
              移轉後需要決定的項目（{c.needDecision.length}）
            </h2>
            <ul className="list-disc space-y-1 pl-6">
              {c.needDecision.map((i) => (
                <li key={i.id}>{i.filledText.slice(0, 80)}</li>
              ))}
            </ul>
          </section>
          {canMove ? (
            <MoveVersionButton
              label={record.status === "approved" ? `建立新修訂版並改用 ${newest.version}` : `改用 ${newest.version}`}
              confirm={
                record.status === "approved"
                  ? `將建立第 ${record.revision + 1} 版（草稿）並改用 ${newest.version}；已核准的第 ${record.revision} 版維持不變。確定？`
                  : `本案將改用 ${newest.version}，不再需要的 ${c.droppedDecisions.length} 項決定將移除（紀錄保留於異動紀錄）。確定？`
              }
              move={moveCaseToVersionAction.bind(null, record.id, newest.version, record.lockVersion)}
            />
          ) : (
            <p className="text-slate-700">
              {record.status === "submitted" ? "案件審查中，不能更換目錄版本；如需更換請由資安長退回。" : "只有承辦人可在最新修訂版上更換目錄版本。"}
            </p>
          )}
        </>
      )}
    </div>
  );
}
