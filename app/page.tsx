import Link from "next/link";

export default function HomePage() {
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-2xl font-bold sm:text-3xl">寫出每一案都站得住的資安需求</h1>
        <p className="max-w-3xl leading-relaxed">
          SecReq 協助採購承辦人依行政院公共工程委員會「各類資訊(服務)採購之共通性資通安全基本要求參考一覽表」（112年9月25日
          工程企字第1120022701號），依機關的資通安全責任等級、系統防護需求等級（高／中／普）與案件性質，產出資訊服務採購的資安需求；
          每一項都附上理由與法規依據，交由資安長審查，再匯出為需求規範、契約條款與廠商自評表。
        </p>
      </section>
      <section aria-labelledby="start" className="grid gap-4 sm:grid-cols-2">
        <h2 id="start" className="sr-only">
          開始使用
        </h2>
        <Link href="/catalogue" className="block rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-700">
          <span className="block text-lg font-semibold text-brand-700">瀏覽需求目錄 →</span>
          <span className="mt-1 block text-slate-700">九類資訊服務的共通性資安要求，逐列對照高／中／普標示與說明。</span>
        </Link>
        <Link href="/cases" className="block rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-700">
          <span className="block text-lg font-semibold text-brand-700">採購案件 →</span>
          <span className="mt-1 block text-slate-700">依機關與案件的事實，逐步產出資安需求檢核表，每一項都附理由與法規依據。</span>
        </Link>
      </section>
      <section className="max-w-3xl space-y-2 text-slate-700">
        <h2 className="text-lg font-semibold text-slate-900">圖示說明</h2>
        <ul className="space-y-1">
          <li>● 建議辦理（標配）</li>
          <li>◎ 經機關評估個案有必要辦理時（選配）</li>
          <li>▲ 依委託機關資通安全責任等級辦理，得納入本案或另於他案採購</li>
          <li>－ 不適用</li>
        </ul>
      </section>
    </div>
  );
}
