// The catalogue data file's schema, the lowest layer: the resolver, the export and the loader import it;
// it imports nothing of theirs. primitives → item, obligations (▲ table), clauses (clause library) → file;
// supplement (專案管理需求, priced and sector hints) sits beside a version, in data/supplements/.
export * from "./primitives";
export * from "./item";
export * from "./obligations";
export * from "./clauses";
export * from "./file";
export * from "./supplement";
export * from "./glossary";
