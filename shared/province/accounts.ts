/** The rules of a hub account, checked by the contract (the browser's forms) and by the command line alike. */
export const ACCOUNT_NAME_PATTERN = /^[\p{L}\p{N}._@-]{3,80}$/u;
export const MIN_PASSWORD_LENGTH = 12;
/** The one-time code `province serve` prints when the hub has no admin yet. */
export const FIRST_ADMIN_CODE_DIGITS = 8;
