/**
 * Every table of the database, parents before children (the order rows are inserted in), with what a
 * JSON backup must restore exactly: every column and its type, the primary key (rows are written sorted
 * by it, so a backup of the same data is the same file whichever database it came from).
 * tests/unit/backup/tables.test.ts checks this list against prisma/schema.prisma.
 *
 * A column's type as the schema says: the Prisma scalar, "?" when nullable, "=" when the database has a
 * default (so a backup may leave it out). The backup's row schemas are built from these.
 */
export type TColumnType = `${"String" | "Int" | "Boolean" | "DateTime" | "BigInt" | "Float"}${"" | "?"}${"" | "="}`;

export type TTableSpec = {
  model: string;
  columns: Record<string, TColumnType>;
  /** The client's delegate (db.<delegate>) */
  delegate: string;
  primaryKey: string[];
  dates: string[];
  bigints: string[];
  /** Added after backups began: a backup made before it has no such table, which reads as empty. */
  addedLater?: true;
};

function table(model: string, delegate: string, primaryKey: string[], columns: Record<string, TColumnType>, later?: "added later"): TTableSpec {
  const of = (type: string) => Object.keys(columns).filter((c) => columns[c]!.replace(/[?=]/g, "") === type);
  return { model, delegate, primaryKey, columns, dates: of("DateTime"), bigints: of("BigInt"), ...(later ? { addedLater: true as const } : {}) };
}

export const TABLES: readonly TTableSpec[] = [
  table("Agency", "agency", ["id"], {
    id: "String",
    name: "String",
    idleTimeoutMinutes: "Int=",
    clauseDefaults: "String=",
    createdAt: "DateTime=",
    active: "Boolean=",
    agencyKind: "String=",
    ciProvider: "Boolean?",
    sector: "String=",
    responsibilityLevel: "String=",
    levelBasis: "String=",
    levelDate: "String=",
    levelDocument: "String=",
    mailServer: "Boolean?",
    cisoName: "String=",
    cisoTitle: "String=",
    profileVersion: "Int=",
    coveredMeasures: "String=",
  }),
  table("User", "user", ["id"], {
    id: "String",
    name: "String",
    email: "String",
    emailVerified: "Boolean=",
    image: "String?",
    createdAt: "DateTime=",
    updatedAt: "DateTime=",
    agencyId: "String",
    roles: "String=",
    mustChangePassword: "Boolean=",
    failedLogins: "Int=",
    lockedUntil: "DateTime?",
    active: "Boolean=",
  }),
  table("Account", "account", ["id"], {
    id: "String",
    accountId: "String",
    providerId: "String",
    userId: "String",
    accessToken: "String?",
    refreshToken: "String?",
    idToken: "String?",
    accessTokenExpiresAt: "DateTime?",
    refreshTokenExpiresAt: "DateTime?",
    scope: "String?",
    password: "String?",
    createdAt: "DateTime=",
    updatedAt: "DateTime=",
  }),
  table("Session", "session", ["id"], {
    id: "String",
    expiresAt: "DateTime",
    token: "String",
    createdAt: "DateTime=",
    updatedAt: "DateTime=",
    ipAddress: "String?",
    userAgent: "String?",
    userId: "String",
    lastActiveAt: "DateTime=",
  }),
  table("Verification", "verification", ["id"], {
    id: "String",
    identifier: "String",
    value: "String",
    expiresAt: "DateTime",
    createdAt: "DateTime=",
    updatedAt: "DateTime=",
  }),
  table("RateLimit", "rateLimit", ["id"], { id: "String", key: "String", count: "Int", lastRequest: "BigInt" }),
  table(
    "LoginThrottle",
    "loginThrottle",
    ["key"],
    { key: "String", userId: "String", failures: "Int=", lockedUntil: "DateTime?", updatedAt: "DateTime=" },
    "added later",
  ),
  table("PasswordHistory", "passwordHistory", ["id"], { id: "String", userId: "String", hash: "String", createdAt: "DateTime=" }),
  table("CatalogueVersion", "catalogueVersion", ["id"], {
    id: "String",
    title: "String",
    issuer: "String",
    documentNumber: "String",
    issuedOn: "String",
    status: "String=",
    effective: "String?",
    legend: "String",
    contentHash: "String",
    basedOn: "String?",
    changeSummary: "String=",
    obligations: "String",
    clauses: "String",
    createdByName: "String=",
    publishedAt: "DateTime?",
    publishedById: "String?",
    publishedByName: "String?",
    lockVersion: "Int=",
    createdAt: "DateTime=",
    updatedAt: "DateTime=",
  }),
  table("ServiceType", "serviceType", ["versionId", "key"], {
    versionId: "String",
    key: "String",
    name: "String",
    description: "String",
    notes: "String",
    position: "Int",
  }),
  table("Requirement", "requirement", ["versionId", "id"], {
    versionId: "String",
    id: "String",
    serviceTypeKey: "String",
    category: "String",
    text: "String",
    markHigh: "String",
    markMedium: "String",
    markNormal: "String",
    note: "String",
    hints: "String",
    legalBasis: "String",
    position: "Int",
  }),
  table("Case", "case", ["id"], {
    id: "String",
    agencyId: "String",
    createdById: "String",
    caseGroupId: "String",
    revision: "Int=",
    status: "String=",
    submittedAt: "DateTime?",
    approvedAt: "DateTime?",
    approvedById: "String?",
    catalogueVersionId: "String",
    title: "String=",
    answers: "String",
    lastSeenStatuses: "String?",
    clauseParameters: "String=",
    agencySnapshot: "String?",
    lockVersion: "Int=",
    createdAt: "DateTime=",
    updatedAt: "DateTime=",
  }),
  table("Decision", "decision", ["caseId", "itemId"], {
    caseId: "String",
    itemId: "String",
    choice: "String",
    reason: "String=",
    reference: "String=",
    decidedBy: "String",
    decidedAt: "DateTime",
    version: "Int=",
    origin: "String=",
  }),
  table(
    "DecisionSplit",
    "decisionSplit",
    ["caseId", "key"],
    { caseId: "String", key: "String", reason: "String", splitBy: "String", splitAt: "DateTime" },
    "added later",
  ),
  table("Review", "review", ["id"], {
    id: "String",
    caseId: "String",
    itemId: "String=",
    verdict: "String",
    comment: "String=",
    reviewerId: "String",
    reviewerName: "String",
    at: "DateTime=",
  }),
  table("AuditEntry", "auditEntry", ["id"], {
    id: "String",
    agencyId: "String?",
    actorId: "String?",
    actorName: "String",
    action: "String",
    targetType: "String",
    targetId: "String",
    before: "String?",
    after: "String?",
    at: "DateTime=",
    seq: "Int?",
    hash: "String?",
  }),
  table("ReasonPreset", "reasonPreset", ["id"], { id: "String", agencyId: "String", text: "String", position: "Int=", createdAt: "DateTime=" }, "added later"),
  table("AuditChainHead", "auditChainHead", ["id"], { id: "Int", seq: "Int", hash: "String" }, "added later"),
];
