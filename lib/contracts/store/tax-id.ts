/**
 * 統一編號 (營利事業統一編號) check: weights 1,2,1,2,1,2,4,1; each product's digits summed; the total
 * divisible by 5 (財政部 notice, in force from 2023 when the numbers ran short; before, by 10 — every
 * number valid then is still valid). When the 7th digit is 7, its product 28 counts as 10 → 1 or 0, and
 * either total divisible by 5 passes.
 * Source: 財政部財政資訊中心「營利事業統一編號檢查碼邏輯修正說明」[S] — the notice text is not in the
 * reference set; the rule as stated here is as widely published, so [U] until checked against the notice.
 */
const WEIGHTS = [1, 2, 1, 2, 1, 2, 4, 1];
const digitSum = (n: number) => Math.floor(n / 10) + (n % 10);

export function isValidTaxId(id: string): boolean {
  if (!/^\d{8}$/.test(id)) return false;
  const d = [...id].map(Number);
  const sums = d.map((x, i) => digitSum(x * WEIGHTS[i]!));
  const total = sums.reduce((a, b) => a + b, 0);
  if (total % 5 === 0) return true;
  // 7th digit 7: 7×4 = 28 → 2+8 = 10 → counted as 1 (summed again) or 0.
  return d[6] === 7 && ((total - 10 + 1) % 5 === 0 || (total - 10) % 5 === 0);
}

export const TAX_ID_BASIS = "財政部財政資訊中心「營利事業統一編號檢查碼邏輯修正說明」（112年起檢查碼可被 5 整除）[S][U]";
