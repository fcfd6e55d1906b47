import { z } from 'zod';

/**
 * What the point's printed report says about who sends it, to whom and who signs (Decree
 * 30/2020/NĐ-CP, Appendix I): the code after the number, "Kính gửi", "Nơi nhận", and the
 * signer's authority, title and full name. Problems are i18n keys under `reports:problems.*`.
 */
const line = (max: number) =>
  z.string().trim().min(1, 'reports:problems.required').max(max, 'reports:problems.tooLong');
const optional = (max: number) => z.string().trim().max(max, 'reports:problems.tooLong');

export const documentSettings = z.object({
  /** "BC-…" after "Số: …/": the kind of document and the issuer's abbreviation, as the office registers it. */
  reportCode: optional(30).pipe(z.string().regex(/^[\p{L}\p{N}.-]*$/u, 'reports:problems.code')),
  recipients: z.array(line(160)).min(1, 'reports:problems.recipients').max(6, 'reports:problems.tooMany'),
  copies: z.array(line(160)).max(10, 'reports:problems.tooMany'),
  /** Lines above the title when signing for the body ("TM. TỔ CÔNG NGHỆ SỐ"), often none. */
  signerAuthority: z.array(line(80)).max(3, 'reports:problems.tooMany'),
  signerTitle: line(80),
  signerName: optional(80),
});
export type DocumentSettings = z.output<typeof documentSettings>;
