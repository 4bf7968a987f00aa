export const NEW_PASSWORD = "Changed#Pass-2026x";
export const storageFor = (role: string) => `test-results/.auth/${role}.json`;
