export const CASE_STATUS_LABEL = { draft: "草稿", submitted: "送審中", approved: "已核准", returned: "已退回" } as const;
