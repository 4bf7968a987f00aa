/** The realistic case: development + maintenance, grade medium, level B. */
export const BENCH_CASE = {
  serviceTypes: ["development", "maintenance"],
  grade: "medium",
  responsibilityLevel: "B",
  contractValue: 12_000_000,
  conditions: { personalData: true, coreSystem: false, cii: false, externalService: true, mobileApp: false, mailServer: true },
};
