import type { ReactNode } from 'react';
import { nb } from '@/lib/i18n/nb';
import { changeAccountEmailAction, changeAccountNameAction, unlinkOidcAction } from './account-actions';
import { setActiveAction, setPasswordAction } from './actions';
import { AdminForm } from './admin-form';

const t = nb.admin;

/**
 * The forms that act on an account itself (issue 16): a new password, name
 * and e-mail, the OIDC link, and last, apart, deactivation (asked first) with
 * any other action that takes access away (`children`: the unit page's
 * removal). Shown inside a member's *Flere valg* on a unit's member list for
 * accounts wholly that admin's units', and on the system administrator's
 * account page; the commands check it again.
 */
export function AccountPowers(props: {
  account: { userId: string; name: string; email: string; active: boolean; hasPassword: boolean; isYou: boolean; oidcLinked?: boolean };
  /** The unit page the forms are on; none on the system administrator's page. */
  unitId?: string;
  /** More actions that take access away, shown with deactivation (the unit page's «Fjern fra enheten»). */
  children?: ReactNode;
}) {
  const { account: a } = props;
  const who = [
    ...(props.unitId ? [{ kind: 'hidden' as const, name: 'unitId', value: props.unitId }] : []),
    { kind: 'hidden' as const, name: 'userId', value: a.userId },
  ];
  return (
    <div className="grid gap-4">
      {a.hasPassword && !a.isYou ? (
        <AdminForm
          inline
          quiet
          action={setPasswordAction}
          submit={t.setPassword}
          fields={[...who, { kind: 'password', name: 'password', label: t.newPasswordFor(a.name), autoComplete: 'new-password' }]}
        />
      ) : null}
      <AdminForm
        inline
        quiet
        action={changeAccountNameAction}
        submit={t.saveName}
        fields={[...who, { kind: 'text', name: 'name', label: t.nameFor(a.name), defaultValue: a.name, autoComplete: 'off' }]}
      />
      <AdminForm
        inline
        quiet
        action={changeAccountEmailAction}
        submit={t.saveEmail}
        fields={[...who, { kind: 'email', name: 'email', label: t.emailFor(a.name), defaultValue: a.email, autoComplete: 'off' }]}
      />
      {a.oidcLinked ? (
        <div>
          <AdminForm inline quiet action={unlinkOidcAction} submit={t.accounts.unlinkOidc} fields={who} />
          <p className="max-w-prose text-xs text-slate-700">{t.accounts.unlinkOidcHint}</p>
        </div>
      ) : null}
      {a.isYou && !props.children ? null : (
        <DangerActions>
          {a.isYou ? null : (
            <AdminForm
              inline
              danger={a.active}
              action={setActiveAction}
              submit={a.active ? t.deactivate : t.activate}
              confirm={a.active ? t.deactivateConfirm(a.name) : undefined}
              fields={[...who, { kind: 'hidden', name: 'active', value: a.active ? 'false' : 'true' }]}
            />
          )}
          {props.children}
        </DangerActions>
      )}
    </div>
  );
}

/** The actions that take access away, last and apart under a rule, each asking first. */
export function DangerActions({ children }: { children: ReactNode }) {
  return (
    <div className="grid gap-2 border-t border-slate-300 pt-3">
      <p className="text-sm font-medium">{t.takeAccessAway}</p>
      {children}
    </div>
  );
}
