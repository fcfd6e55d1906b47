import type { ReactNode } from 'react';
import { useT } from '../app/useT';

/** The frame of every staff screen: a title, optional actions, the content. */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{title}</h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

/** Full-screen frame for citizen screens: big type, nothing else to reach. */
export function CitizenFrame({
  children,
  footer,
  fit = false,
}: {
  children: ReactNode;
  footer?: ReactNode;
  fit?: boolean;
}) {
  const { t } = useT('common');
  return (
    <div className={fit ? 'citizen citizen-fit' : 'citizen'}>
      <main id="main" className="citizen-main" aria-label={t('common:appName')}>
        {children}
      </main>
      {footer ? <footer className="citizen-footer">{footer}</footer> : null}
    </div>
  );
}
