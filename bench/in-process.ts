import type { TResolveService } from "../lib/api/resolve";
import { SERVICE_TYPE_KEYS } from "../lib/catalogue/schema";
import { parseResolveInput } from "../lib/resolve/input";
import { loadObligations } from "../lib/resolve/load-obligations";
import { resolve } from "../lib/resolve/resolve";
import { BENCH_CASE } from "./case";
import { ms, timeCalls } from "./stats";

/** (a) The engine alone on all nine types (149 items), then the route's work without HTTP. */
export async function inProcess(service: TResolveService, calls: number, print: (line: string) => void): Promise<number> {
  const body = JSON.stringify({ ...BENCH_CASE, serviceTypes: [...SERVICE_TYPE_KEYS] });
  const parsed = parseResolveInput(JSON.parse(body));
  if (!parsed.ok) throw new Error(`bench case invalid: ${JSON.stringify(parsed.error)}`);
  const input = parsed.input;
  const catalogue = await service.catalogue();
  const obligations = loadObligations();
  const items = resolve(catalogue, obligations, input).items.length;
  const warmup = Math.max(200, Math.floor(calls / 4));

  const engine = timeCalls(() => resolve(catalogue, obligations, input), calls, warmup);
  const route = timeCalls(
    () => {
      const again = parseResolveInput(JSON.parse(body));
      if (!again.ok) throw new Error("unreachable");
      return JSON.stringify(resolve(catalogue, obligations, again.input));
    },
    calls,
    warmup,
  );
  const bytes = Buffer.byteLength(JSON.stringify(resolve(catalogue, obligations, input)));
  print(`(a) 程序內 resolve，九類全選（${items} 項），${calls} 次（暖機 ${warmup} 次）`);
  print(`    引擎 resolve()                         中位數 ${ms(engine.median)}  p95 ${ms(engine.p95)}  平均 ${ms(engine.mean)}`);
  print(`    JSON.parse + 驗證 + resolve + 序列化   中位數 ${ms(route.median)}  p95 ${ms(route.p95)}  （回應 ${(bytes / 1024).toFixed(1)} KiB）`);
  print(`    目標：≤ 1 ms（中位數）→ ${engine.median <= 1 ? "達成" : "未達成"}`);
  return engine.median;
}
