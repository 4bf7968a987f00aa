export { mailConfig, mailStatus, currentMailStatus, userMailStatus, DEFAULT_FROM, type TMailConfig } from "./config";
export { sendMail, closeMailTransports, type TMailMessage, type TSendResult } from "./send";
