"use client";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="zh-Hant-TW">
      <body>
        <h1>系統暫時無法處理您的請求</h1>
        <p>請稍後再試。{error.digest ? `錯誤代碼：${error.digest}` : ""}</p>
      </body>
    </html>
  );
}
