import {
  annexLabel,
  COLUMN_INFO,
  COLUMNS,
  CONDITION_KEYS,
  CONDITIONS,
  type TAnnexVersion,
  type TCell,
  type TColumn,
  type TConditionKey,
  type TFactTest,
  type TLegacyObligationsFile,
  type TMeasure2,
  type TObligationCell,
  type TObligationsFile,
  type TObligationsTable,
} from "../catalogue/schema/obligations";

/** Reading the ▲ table: format 1 through its migration to the eight columns, and the citation of a cell. */

function legacyCondition(test: TFactTest | null): TConditionKey | null {
  if (!test) return null;
  const facts = [...test.requires].sort().join(",");
  const found = CONDITION_KEYS.find((key) => [...CONDITIONS[key].requires].sort().join(",") === facts);
  if (!found) throw new Error(`format-1 condition ${facts} has no eight-column equivalent`);
  return found;
}

function migrateCell(cell: TObligationCell, column: TColumn, item: string): TCell {
  const condition = legacyCondition(cell.condition);
  // A scope (required, the officer confirms where) never occurs in the bundled table; kept as a condition's text in the detail.
  const detail = [
    cell.condition && condition && cell.condition.text !== CONDITIONS[condition].text ? cell.condition.text : null,
    cell.scope ? `法定範圍：${cell.scope.text}` : null,
  ]
    .filter(Boolean)
    .join("；");
  return {
    status: cell.required === null ? "unknown" : !cell.required ? "not-required" : condition ? "conditional" : "required",
    condition: cell.required ? condition : null,
    frequency: cell.required ? cell.frequency : null,
    citation: { annex: COLUMN_INFO[column].annex, item, version: column === "E" ? "110" : "115" },
    reliability: cell.reliability,
    source: cell.source,
    note: cell.note,
    detail: detail || null,
    verification: null,
  };
}

/**
 * The first table said one thing per level for 公務 and 特定非公務 alike (its citations name both 附表), so
 * both columns of a level get that cell, each citing its own 附表.
 */
export function migrateLegacyObligations(file: TLegacyObligationsFile): TObligationsTable {
  const measures: Record<string, TMeasure2> = {};
  for (const [key, measure] of Object.entries(file.measures)) {
    if (!measure.settled) {
      measures[key] = measure;
      continue;
    }
    const columns = Object.fromEntries(
      COLUMNS.map((column) => [column, migrateCell(measure.levels[COLUMN_INFO[column].level], column, measure.annexItem)]),
    ) as Record<TColumn, TCell>;
    measures[key] = { settled: true, name: measure.name, annexItem: measure.annexItem, columns };
  }
  return {
    format: 2,
    version: file.version,
    title: file.title,
    regulation: file.regulation,
    amendedOn: file.amendedOn,
    documentNumber: file.documentNumber,
    source: file.source,
    stewardNote: file.caveat,
    measures,
  };
}

const migrated = new WeakMap<TLegacyObligationsFile, TObligationsTable>();

/** The eight-column table, whichever format the version carries (format 1 read through the migration). */
export function obligationMatrix(file: TObligationsFile): TObligationsTable {
  if (file.format === 2) return file;
  let table = migrated.get(file);
  if (!table) {
    table = migrateLegacyObligations(file);
    migrated.set(file, table);
  }
  return table;
}

const VERSION_TEXT: Record<TAnnexVersion, string> = { "108": "108-08-26 版", "110": "110-08-23 版", "115": "115-01-07 修正" };

/** 「資通安全責任等級分級辦法附表四（B級特定非公務機關）（115-01-07 修正）「資通安全弱點管理」」 */
export function citationText(column: TColumn, cell: TCell): string {
  return `資通安全責任等級分級辦法${annexLabel(column)}（${VERSION_TEXT[cell.citation.version]}）「${cell.citation.item}」`;
}
