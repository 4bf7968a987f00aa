/**
 * Every table of the database, parents before children (the order rows are inserted in), with what a
 * JSON backup must restore exactly: the primary key (rows are written sorted by it, so a backup of the
 * same data is the same file whichever database it came from), DateTime and BigInt columns.
 * tests/unit/backup/tables.test.ts checks this list against prisma/schema.prisma.
 */
export type TTableSpec = {
  model: string;
  /** The client's delegate (db.<delegate>) */
  delegate: string;
  primaryKey: string[];
  dates: string[];
  bigints: string[];
};

export const TABLES: readonly TTableSpec[] = [
  { model: "Agency", delegate: "agency", primaryKey: ["id"], dates: ["createdAt"], bigints: [] },
  { model: "User", delegate: "user", primaryKey: ["id"], dates: ["createdAt", "updatedAt", "lockedUntil"], bigints: [] },
  { model: "Account", delegate: "account", primaryKey: ["id"], dates: ["accessTokenExpiresAt", "refreshTokenExpiresAt", "createdAt", "updatedAt"], bigints: [] },
  { model: "Session", delegate: "session", primaryKey: ["id"], dates: ["expiresAt", "createdAt", "updatedAt", "lastActiveAt"], bigints: [] },
  { model: "Verification", delegate: "verification", primaryKey: ["id"], dates: ["expiresAt", "createdAt", "updatedAt"], bigints: [] },
  { model: "RateLimit", delegate: "rateLimit", primaryKey: ["id"], dates: [], bigints: ["lastRequest"] },
  { model: "LoginThrottle", delegate: "loginThrottle", primaryKey: ["key"], dates: ["lockedUntil", "updatedAt"], bigints: [] },
  { model: "PasswordHistory", delegate: "passwordHistory", primaryKey: ["id"], dates: ["createdAt"], bigints: [] },
  { model: "CatalogueVersion", delegate: "catalogueVersion", primaryKey: ["id"], dates: ["publishedAt", "createdAt", "updatedAt"], bigints: [] },
  { model: "ServiceType", delegate: "serviceType", primaryKey: ["versionId", "key"], dates: [], bigints: [] },
  { model: "Requirement", delegate: "requirement", primaryKey: ["versionId", "id"], dates: [], bigints: [] },
  { model: "Case", delegate: "case", primaryKey: ["id"], dates: ["submittedAt", "approvedAt", "createdAt", "updatedAt"], bigints: [] },
  { model: "Decision", delegate: "decision", primaryKey: ["caseId", "itemId"], dates: ["decidedAt"], bigints: [] },
  { model: "Review", delegate: "review", primaryKey: ["id"], dates: ["at"], bigints: [] },
  { model: "AuditEntry", delegate: "auditEntry", primaryKey: ["id"], dates: ["at"], bigints: [] },
];
