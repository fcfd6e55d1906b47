import { dataKey, useT } from './useT';
import { useSession } from './session';
import { STAFF_ROUTES } from './routes';
import { SignIn } from '../settings/SignIn';
import { useQuery } from './useQuery';

/** Menu on the left, the current staff screen on the right; sign-in when nobody is signed in. */
export function StaffShell({ route, notice }: { route: string; notice?: string }) {
  const { t } = useT('common');
  const { me, signOut } = useSession();
  const status = useQuery('setup.status', {}, { refreshOn: ['settings.changed'] });
  if (!me) return <p className="centered">{t('loading')}</p>;
  if (!me.member) return <SignIn {...(notice ? { notice } : {})} />;

  const allowed = STAFF_ROUTES.filter((r) => r.roles.includes(me.role));
  // A screen also owns its sub-paths and query (`/staff/logbook/day/2026-11-25`, `…/new?ticket=7`).
  const path = route.split('?')[0]!;
  const current =
    allowed.find((r) => r.path === path) ??
    allowed
      .filter((r) => r.path !== '/staff' && path.startsWith(`${r.path}/`))
      .sort((a, b) => b.path.length - a.path.length)[0] ??
    allowed.find((r) => r.path === '/staff')!;
  const menu = allowed.filter((r) => r.menuOrder !== undefined).sort((a, b) => a.menuOrder! - b.menuOrder!);
  const Screen = current.component;
  return (
    <div className="staff">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('skipToContent')}
      </a>
      <nav className="staff-nav" aria-label={t('settings:home.sections')}>
        <div className="brand">
          {t('appName')}
          <small>{status.data?.pointName ?? ''}</small>
        </div>
        {menu.map((r) => (
          <a key={r.path} href={`#${r.path}`} aria-current={r.path === current.path ? 'page' : undefined}>
            {t(dataKey(r.labelKey))}
          </a>
        ))}
        <div className="who">
          <div>
            <strong>{me.member.fullName}</strong>
          </div>
          <div>{t(`roles.${me.role}`)}</div>
          <button type="button" className="btn" onClick={() => void signOut()}>
            {t('actions.signOut')}
          </button>
        </div>
      </nav>
      <main id="main" className="staff-main" tabIndex={-1}>
        <Screen />
      </main>
    </div>
  );
}
