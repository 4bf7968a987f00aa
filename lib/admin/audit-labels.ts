// What the log's action codes mean, in the words the admin page shows; unknown codes show as they are.
export const AUDIT_ACTION_LABEL: Record<string, string> = {
  "auth.login": "登入",
  "auth.login-failed": "登入失敗",
  "auth.locked": "帳號鎖定",
  "auth.password-changed": "變更密碼",
  "user.create": "建立使用者",
  "user.roles": "變更角色",
  "user.password-reset": "重設密碼",
  "user.unlock": "解除鎖定",
  "user.deactivate": "停用帳號",
  "user.activate": "重新啟用帳號",
  "agency.settings": "變更機關設定",
  "agency.clause-defaults": "變更機關條款參數預設",
  "audit.export": "匯出稽核紀錄",
  "case.create": "建立案件",
  "case.answers": "儲存案件資料",
  "case.clause-parameters": "變更本案條款參數",
  "case.submit": "送審",
  "case.revise": "建立新版次",
  "case.approve": "核准案件",
  "case.return": "退回案件",
  "decision.save": "儲存決定",
  "review.approve": "核准項目",
  "review.return": "退回項目",
  "review.accept-risk": "接受風險",
};

export const actionLabel = (action: string) => AUDIT_ACTION_LABEL[action] ?? action;
