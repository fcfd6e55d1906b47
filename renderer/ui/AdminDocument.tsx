import type { ReactNode } from 'react';
import { dataKey, useT } from '../app/useT';
import { dateLineParts } from '#shared/format/vietnamese';

export interface Signer {
  /** Lines above the title when signing for someone ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"). */
  authority?: string[];
  /** e.g. "NGƯỜI LẬP SỔ", "TỔ TRƯỞNG". */
  title: string;
  /** Shown under the title in italics: "(Ký, ghi rõ họ tên)". */
  note?: string;
  name?: string;
}

interface AdminDocumentProps {
  /** Left heading, upper line: the body above (e.g. "UBND XÃ CHƯ PĂH"). */
  issuerParent: string;
  /** Left heading, lower line, bold: the issuing unit (e.g. "TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG"). */
  issuer: string;
  /** "Số: …/BC-…": the number stays blank for the office's register; the code follows it. */
  number?: { code: string };
  /** Place for the date line: the commune's name without "Xã"/"Phường". */
  place: string;
  /** 'YYYY-MM-DD' of the document. */
  day: string;
  /** The kind of document, or the register's name ("BÁO CÁO", "SỔ THEO DÕI …"). */
  title: string;
  /** What it is about (trích yếu), bold under the title. */
  summary?: string;
  subtitle?: string;
  /** "Kính gửi:" one recipient a line. */
  recipients?: string[];
  /** "Nơi nhận:" bottom left, beside the signature. */
  copies?: string[];
  /** Left out when the body places <AdminSignatures> itself (inside its last table row). */
  signers?: Signer[];
  /**
   * 'register' (day book, roster) numbers every page "Trang x/y" so a missing sheet shows;
   * 'letter' (a report) leaves the first page unnumbered, as the decree says.
   */
  kind?: 'register' | 'letter';
  /** A4 across, for wide tables (the decree allows it for documents that are tables). */
  landscape?: boolean;
  children: ReactNode;
}

/**
 * A page in the Vietnamese administrative layout of Decree 30/2020/NĐ-CP on clerical work,
 * Appendix I (thể thức và kỹ thuật trình bày văn bản hành chính): A4, Times New Roman metrics
 * (Tinos), margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm; the issuing body top
 * left over the number and code; the national heading and motto top right over the place and
 * date line in italics; the kind and summary centred in bold; "Kính gửi"; the body; "Nơi nhận"
 * bottom left beside the signature block (authority, title, then the signer's full name); page
 * numbers centred in the top margin. The text of the decree: vanban.chinhphu.vn (Nghị định
 * 30/2020/NĐ-CP, 05/3/2020), summarised at luatvietnam.vn "huong-dan-moi-ve-cach-trinh-bay-van-ban-hanh-chinh".
 * The same document is printed by the browser (server mode) and by Electron's printToPDF.
 */
export function AdminDocument(props: AdminDocumentProps) {
  const {
    issuerParent,
    issuer,
    number,
    place,
    day,
    title,
    summary,
    subtitle,
    recipients,
    copies,
    signers,
    kind = 'register',
    landscape,
    children,
  } = props;
  const { t } = useT('common');
  const vi = (key: string, options: Record<string, unknown> = {}) => t(dataKey(key), { ...options, lng: 'vi' });
  const { d, m, y } = dateLineParts(day);
  const page = landscape ? 'admin-doc-landscape' : kind === 'letter' ? 'admin-doc-letter' : 'admin-doc-register';
  return (
    <article className={`admin-doc ${page}`} lang="vi">
      <header className="admin-doc-heading">
        <div className="admin-doc-issuer">
          <div>{issuerParent.toUpperCase()}</div>
          <div className="strong">
            <span className="admin-doc-rule">{issuer.toUpperCase()}</span>
          </div>
        </div>
        <div className="admin-doc-nation">
          <div className="strong">{vi('common:nation')}</div>
          <div className="strong">
            <span className="admin-doc-motto">{vi('common:motto')}</span>
          </div>
        </div>
        {/* The number and the date line share a row (cells 3 and 4 of the decree's layout). */}
        <div className="admin-doc-number">
          {number ? vi('common:document.number', { code: number.code || '……' }) : null}
        </div>
        <div className="admin-doc-dateline">{vi('common:dateLine', { place, d, m, y })}</div>
      </header>
      <h1 className="admin-doc-title">{title}</h1>
      {summary ? <p className="admin-doc-summary">{summary}</p> : null}
      {subtitle ? <p className="admin-doc-subtitle">{subtitle}</p> : null}
      {recipients?.length ? (
        <div className="admin-doc-recipients">
          <span>{vi('common:document.to')}</span>
          {recipients.length === 1 ? (
            <span>{recipients[0]}.</span>
          ) : (
            <ul>
              {recipients.map((r) => (
                <li key={r}>- {r};</li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <div className="admin-doc-body">{children}</div>
      {/* Kept with the last lines of the body: a signature never stands alone on a page. */}
      {signers ? <AdminSignatures signers={signers} {...(copies ? { copies } : {})} /> : null}
    </article>
  );
}

/**
 * The signature blocks (and "Nơi nhận" beside them). A register whose table runs over pages puts
 * them in the table's last row, the one sure way to keep them with its last lines on paper.
 */
export function AdminSignatures({ signers, copies }: { signers: Signer[]; copies?: string[] }) {
  const { t } = useT('common');
  const vi = (key: string) => t(dataKey(key), { lng: 'vi' });
  return (
    <div
      className={`admin-doc-signers ${copies ? 'with-copies' : ''}`}
      style={copies ? undefined : { gridTemplateColumns: `repeat(${signers.length}, 1fr)` }}
    >
      {copies ? (
        <div className="admin-doc-copies">
          <div className="strong italic">{vi('common:document.copies')}</div>
          <ul>
            {copies.map((c) => (
              <li key={c}>- {c}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {signers.map((s) => (
        <div key={s.title} className="admin-doc-signer">
          {s.authority?.map((a) => (
            <div key={a} className="strong">
              {a.toUpperCase()}
            </div>
          ))}
          <div className="strong">{s.title.toUpperCase()}</div>
          <div className="italic">{s.note ?? vi('common:signature')}</div>
          <div className="admin-doc-sign-space" />
          <div className="strong">{s.name ?? ''}</div>
        </div>
      ))}
    </div>
  );
}
