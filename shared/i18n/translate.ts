import type { ErrorBody, ErrorCode } from '../contract/errors';
import { errors } from './errors';

/** Fill `{{name}}` placeholders; used where i18next is not loaded (the core's error bodies). */
export function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ''));
}

export function errorBody(
  code: ErrorCode,
  params: Record<string, string | number> = {},
  fields?: Record<string, string>,
): ErrorBody {
  return {
    code,
    message: { vi: interpolate(errors.vi[code], params), en: interpolate(errors.en[code], params) },
    ...(Object.keys(params).length ? { params } : {}),
    ...(fields && Object.keys(fields).length ? { fields } : {}),
  };
}
