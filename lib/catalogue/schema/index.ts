// The catalogue data file's schema, the lowest layer: the resolver, the export and the loader import it;
// it imports nothing of theirs. primitives → item, obligations (▲ table), clauses (clause library) → file.
export * from "./primitives";
export * from "./item";
export * from "./obligations";
export * from "./clauses";
export * from "./file";
