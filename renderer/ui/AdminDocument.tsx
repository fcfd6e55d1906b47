import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dateLineParts } from '../../shared/format/vietnamese';

export interface Signer {
  /** e.g. "NGƯỜI LẬP SỔ", "TỔ TRƯỞNG", "TM. ỦY BAN NHÂN DÂN" */
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
  /** Place for the date line: the commune's name without "Xã"/"Phường". */
  place: string;
  /** 'YYYY-MM-DD' of the document. */
  day: string;
  title: string;
  subtitle?: string;
  signers: Signer[];
  children: ReactNode;
}

/**
 * A page in the Vietnamese administrative layout (Decree 30/2020 style): issuer and national
 * heading side by side, the motto underlined, the date line in italics on the right, the
 * title centred, the body, then signature blocks. Printed on A4 with the bundled font.
 */
export function AdminDocument({ issuerParent, issuer, place, day, title, subtitle, signers, children }: AdminDocumentProps) {
  const { t } = useTranslation();
  const { d, m, y } = dateLineParts(day);
  return (
    <article className="admin-doc" lang="vi">
      <header className="admin-doc-heading">
        <div className="admin-doc-issuer">
          <div>{issuerParent.toUpperCase()}</div>
          <div className="strong underline">{issuer.toUpperCase()}</div>
        </div>
        <div className="admin-doc-nation">
          <div className="strong">{t('common:nation', { lng: 'vi' })}</div>
          <div className="strong underline">{t('common:motto', { lng: 'vi' })}</div>
          <div className="admin-doc-dateline">
            {t('common:dateLine', { lng: 'vi', place, d, m, y })}
          </div>
        </div>
      </header>
      <h1 className="admin-doc-title">{title}</h1>
      {subtitle ? <p className="admin-doc-subtitle">{subtitle}</p> : null}
      <div className="admin-doc-body">{children}</div>
      <footer className="admin-doc-signers" style={{ gridTemplateColumns: `repeat(${signers.length}, 1fr)` }}>
        {signers.map((s) => (
          <div key={s.title} className="admin-doc-signer">
            <div className="strong">{s.title.toUpperCase()}</div>
            <div className="italic">{s.note ?? t('common:signature', { lng: 'vi' })}</div>
            <div className="admin-doc-sign-space" />
            <div className="strong">{s.name ?? ''}</div>
          </div>
        ))}
      </footer>
    </article>
  );
}
