import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { CatalogueError } from "@/lib/catalogue/errors";
import { readCatalogue } from "@/lib/catalogue/store";
import { ZServiceTypeKey, ZVersionId, GRADE_LABEL, GRADES } from "@/lib/catalogue/schema";
import { getVersion, versionHistory } from "@/lib/catalogue/versions";
import { pinnedCatalogue } from "@/lib/cases/load";
import { Mark } from "@/components/catalogue/Mark";
import { ItemEditor } from "@/components/catalogue-admin/ItemEditor";
import { emptyItemFields } from "@/lib/catalogue/empty-item";
import { DraftButton } from "@/components/catalogue-admin/DraftButton";
import { PublishPanel } from "@/components/catalogue-admin/PublishPanel";
import { JsonSectionEditor } from "@/components/catalogue-admin/JsonSectionEditor";
import { ObligationsCellEditor } from "@/components/catalogue-admin/ObligationsCellEditor";
import { ObligationsJsonTools } from "@/components/catalogue-admin/ObligationsJsonTools";
import { obligationMatrix } from "@/lib/resolve/obligation-matrix";
import { requireUser } from "../../../_server/auth";
import { deleteDraftAction, editDraftAction, editObligationCellAction, publishDraftAction } from "../actions";
import { taipeiTime } from "@/lib/time";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";

export const metadata: Metadata = { title: "目錄版本" };
export const dynamic = "force-dynamic";

export default async function VersionPage({
  params,
  searchParams,
}: {
  params: Promise<{ version: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser({ roles: ["catalogue-admin"] });
  const id = ZVersionId.safeParse((await params).version);
  if (!id.success) notFound();
  const row = await getVersion(db(), id.data);
  if (!row) notFound();
  let file;
  try {
    file = await readCatalogue(db(), id.data);
  } catch (e) {
    if (e instanceof CatalogueError) notFound();
    throw e;
  }
  const base = file.basedOn ? await pinnedCatalogue(db(), file.basedOn).catch(() => null) : null;
  const typeKey = z.object({ type: ZServiceTypeKey.optional().catch(undefined) }).parse({ type: (await searchParams).type }).type;
  const type = file.serviceTypes.find((t) => t.key === typeKey) ?? file.serviceTypes[0]!;
  const draft = file.status === "draft";
  const lock = row.lockVersion;
  const measures = Object.keys(file.obligations.measures).sort();
  const inDraft = new Set(type.items.map((i) => i.id));
  const retired = base?.serviceTypes.find((t) => t.key === type.key)?.items.filter((i) => !inDraft.has(i.id)) ?? [];
  const history = await versionHistory(db(), file.version);

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Breadcrumbs trail={[{ href: "/catalogue/versions", label: "目錄版本管理" }]} current={file.version} />
        <h1 className="text-2xl font-bold">
          {file.version}
          <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 align-middle text-sm font-normal">{draft ? "草稿" : "已發布"}</span>
        </h1>
        <p className="text-slate-700">{file.title}</p>
        <p className="text-sm text-slate-600">
          {file.basedOn ? `基準版本 ${file.basedOn}．` : ""}
          {row.publishedAt ? `${row.publishedByName ?? ""} 於 ${taipeiTime(row.publishedAt)} 發布` : `草稿建立者：${row.createdByName || "—"}`}
        </p>
        <p className="flex flex-wrap gap-4 text-sm">
          {file.basedOn && (
            <Link href={`/catalogue/compare?from=${file.basedOn}&to=${file.version}`} className="text-brand-700 underline">
              與 {file.basedOn} 比較
            </Link>
          )}
          <a href={`/catalogue/versions/${file.version}/export`} className="text-brand-700 underline">
            匯出資料檔
          </a>
          {!draft && (
            <Link href={`/catalogue?version=${file.version}`} className="text-brand-700 underline">
              檢視目錄
            </Link>
          )}
          <Link href={`/catalogue/obligations?version=${file.version}`} className="text-brand-700 underline">
            應辦事項表（▲）
          </Link>
        </p>
      </div>

      {draft ? (
        <PublishPanel
          version={file.version}
          lockVersion={lock}
          title={file.title}
          changeSummary={file.changeSummary}
          basedOn={file.basedOn}
          save={editDraftAction}
          publish={publishDraftAction}
          discard={deleteDraftAction}
        />
      ) : (
        <p className="rounded border border-slate-200 bg-white p-4">
          此版本已發布，內容不可變更（資料庫亦拒絕修改）。{file.changeSummary && `變更摘要：${file.changeSummary}`} 如需修訂，請在
          <Link href="/catalogue/versions" className="text-brand-700 underline">
            目錄版本管理
          </Link>
          以此版本為基礎建立新草稿。
        </p>
      )}

      <nav aria-label="服務類型">
        <ul className="flex flex-wrap gap-2">
          {file.serviceTypes.map((t) => (
            <li key={t.key}>
              <Link
                href={`/catalogue/versions/${file.version}?type=${t.key}`}
                aria-current={t.key === type.key ? "page" : undefined}
                className={`block rounded-full border px-3 py-1.5 text-sm ${t.key === type.key ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:border-brand-700"}`}
              >
                {t.name}
                <span className="ml-1 opacity-75">({t.items.length})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="items-title" className="space-y-3">
        <h2 id="items-title" className="text-xl font-semibold">
          {type.name}（{type.items.length} 列）
        </h2>
        <ol className="space-y-2">
          {type.items.map((item, i) => (
            <li key={item.id} className="rounded border border-slate-200 bg-white">
              <details>
                <summary className="cursor-pointer p-3">
                  <span className="text-sm text-slate-600">
                    {i + 1}．{item.category}．{item.id}
                  </span>
                  <span className="block">{item.text}</span>
                  <span className="mt-1 flex gap-4 text-sm">
                    {GRADES.map((g) => (
                      <span key={g}>
                        {GRADE_LABEL[g]} <Mark mark={item.marks[g]} />
                      </span>
                    ))}
                  </span>
                </summary>
                <div className="space-y-3 border-t border-slate-200 p-3">
                  {draft ? (
                    <>
                      <div className="flex flex-wrap gap-2">
                        {i > 0 && (
                          <DraftButton
                            label="上移"
                            version={file.version}
                            lockVersion={lock}
                            edit={{ op: "move-item", itemId: item.id, direction: "up" }}
                            save={editDraftAction}
                          />
                        )}
                        {i < type.items.length - 1 && (
                          <DraftButton
                            label="下移"
                            version={file.version}
                            lockVersion={lock}
                            edit={{ op: "move-item", itemId: item.id, direction: "down" }}
                            save={editDraftAction}
                          />
                        )}
                        <DraftButton
                          label="停用此列"
                          danger
                          confirm={`停用 ${item.id}？停用的項目保留其代碼，可從基準版本恢復。`}
                          version={file.version}
                          lockVersion={lock}
                          edit={{ op: "retire-item", itemId: item.id }}
                          save={editDraftAction}
                        />
                      </div>
                      <ItemEditor
                        mode="edit"
                        version={file.version}
                        lockVersion={lock}
                        serviceType={type.key}
                        itemId={item.id}
                        initial={{
                          category: item.category,
                          text: item.text,
                          marks: item.marks,
                          note: item.note,
                          hints: item.hints,
                          legalBasis: item.legalBasis,
                        }}
                        measures={measures}
                        save={editDraftAction}
                      />
                    </>
                  ) : (
                    <dl className="space-y-1 text-sm">
                      <div>
                        <dt className="inline font-semibold">說明：</dt>
                        <dd className="inline">{item.note || "—"}</dd>
                      </div>
                      <div>
                        <dt className="inline font-semibold">法源：</dt>
                        <dd className="inline">{item.legalBasis.map((l) => `${l.citation}〔${l.reliability}〕`).join("；") || "—"}</dd>
                      </div>
                    </dl>
                  )}
                </div>
              </details>
            </li>
          ))}
        </ol>
      </section>

      {draft && (
        <>
          {retired.length > 0 && (
            <section aria-labelledby="retired-title" className="space-y-2">
              <h2 id="retired-title" className="text-lg font-semibold">
                已停用（基準版本 {file.basedOn} 有、此草稿沒有）
              </h2>
              <ul className="space-y-2">
                {retired.map((item) => (
                  <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-red-200 bg-red-50 p-3">
                    <span>
                      <span className="text-sm text-slate-600">{item.id}</span>
                      <span className="block">{item.text}</span>
                    </span>
                    <DraftButton
                      label="恢復此列"
                      version={file.version}
                      lockVersion={lock}
                      edit={{ op: "restore-item", itemId: item.id }}
                      save={editDraftAction}
                    />
                  </li>
                ))}
              </ul>
            </section>
          )}
          <details className="rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer font-semibold">新增項目至「{type.name}」</summary>
            <div className="mt-3">
              <ItemEditor
                mode="add"
                version={file.version}
                lockVersion={lock}
                serviceType={type.key}
                initial={emptyItemFields()}
                after={type.items.map((it, k) => ({ id: it.id, label: `${k + 1}．${it.text.slice(0, 30)}` }))}
                measures={measures}
                save={editDraftAction}
              />
            </div>
          </details>
          <details id="obligations" className="rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer font-semibold">責任等級應辦事項表（▲ 項目依此判定，逐格編輯與核對）</summary>
            <div className="mt-3 space-y-4">
              <ObligationsCellEditor version={file.version} lockVersion={lock} table={obligationMatrix(file.obligations)} save={editObligationCellAction} />
              <ObligationsJsonTools version={file.version} lockVersion={lock} initial={file.obligations} save={editDraftAction} />
            </div>
          </details>
          <details className="rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer font-semibold">一般條款庫（匯出文件之條文與參數）</summary>
            <div className="mt-3">
              <JsonSectionEditor
                op="set-clauses"
                field="clauses"
                label="一般條款庫（JSON）"
                hint="條文、參數（預設值與上下限）與出處；[U] 未查證之內容不得收錄，只有 [P] 法規原文可列為依據。"
                version={file.version}
                lockVersion={lock}
                initial={file.clauses}
                save={editDraftAction}
              />
            </div>
          </details>
        </>
      )}

      <section aria-labelledby="history-title" className="space-y-2">
        <h2 id="history-title" className="text-lg font-semibold">
          異動紀錄
        </h2>
        {history.length === 0 ? (
          <p className="text-slate-700">尚無紀錄（隨附資料載入之版本）。</p>
        ) : (
          <ol className="space-y-1 text-sm">
            {history.map((h) => (
              <li key={h.id}>
                {taipeiTime(h.at)}．{h.actorName}．{h.action}
                {h.target ? `（${h.target}）` : ""}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
