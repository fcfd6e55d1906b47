/**
 * Every error a caller can see. Messages live in i18n (`errors:<code>`), so the same code reads
 * in Vietnamese and English on screen and in API responses.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'unauthorized',
  'forbidden',
  'session_expired',
  'wrong_pin',
  'member_locked',
  'wrong_password',
  'account_locked',
  'address_locked',
  'not_found',
  'conflict',
  'already_configured',
  'not_configured',
  'payload_too_large',
  'too_many_requests',
  'server_busy',
  'invalid_file',
  'province_key_missing',
  'storage_full',
  'storage_read_only',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorOptions {
  /**
   * A `write` method's refusal that must still commit what the call wrote before it (a wrong PIN
   * counts toward the lock, so a restart forgets no try). The caller still hears the error.
   */
  commitAnyway?: boolean;
}

/** Thrown by services; the gate turns it into a typed response. */
export class AppError extends Error {
  readonly commitAnyway: boolean;
  constructor(
    readonly code: ErrorCode,
    /** Values for the message's placeholders (`errors:<code>`), nothing else. */
    readonly params: Record<string, string | number> = {},
    /** Field path → i18n key of the problem, for forms. */
    readonly fields: Record<string, string> = {},
    options: AppErrorOptions = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.commitAnyway = options.commitAnyway === true;
  }
}

export interface ErrorBody {
  code: ErrorCode;
  message: { vi: string; en: string };
  params?: Record<string, string | number>;
  fields?: Record<string, string>;
}
