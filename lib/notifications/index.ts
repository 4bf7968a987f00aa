export { NOTIFICATION_KINDS, mailEnabled, writeNotifications, type TNotificationKind, type TNewNotification } from "./write";
export { notifySubmitted, notifyDecided, notifyCataloguePublished } from "./events";
export { listNotifications, unreadCount, markRead, markAllRead, mailOptOut, setMailOptOut, type TNotificationView } from "./list";
export { deliverPending, kickOutbox, mailText, MAX_ATTEMPTS, type TDeliverResult } from "./deliver";
