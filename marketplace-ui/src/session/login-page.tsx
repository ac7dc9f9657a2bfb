/** Sign in with single sign-on (when configured), email and password, or as a demo role on demo installations. */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorNotice } from '../components/status';
import type { DemoRole } from '../graphql/generated/graphql';
import { useSession } from './session-context';
import { SsoSignIn } from './sso-sign-in';

const DEMO_ROLES: { role: DemoRole; label: string }[] = [
  { role: 'CUSTOMER', label: 'Customer (Acme Store)' },
  { role: 'DEVELOPER', label: 'Developer' },
  { role: 'REVIEWER', label: 'Reviewer' },
  { role: 'ADMIN', label: 'Platform admin' },
];

export function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({ mutationFn: () => session.login(email, password), onSuccess: () => navigate(target) });
  const demo = useMutation({ mutationFn: (role: DemoRole) => session.demoLogin(role), onSuccess: () => navigate(target) });

  return (
    <section aria-labelledby="login-title" className="narrow">
      <h1 id="login-title">Sign in</h1>
      <SsoSignIn returnTo={target} error={params.get('sso_error')} />
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          login.mutate();
        }}
      >
        <label className="field">
          <span>Email</span>
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoComplete="username" />
        </label>
        <label className="field">
          <span>Password</span>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="current-password" />
        </label>
        <ErrorNotice error={login.error} title="You could not be signed in. Check the email and password." />
        <button type="submit" className="primary" disabled={login.isPending}>
          Sign in
        </button>
      </form>
      <h2>Try the demo</h2>
      <ErrorNotice error={demo.error} />
      <div className="actions wrap">
        {DEMO_ROLES.map((d) => (
          <button key={d.role} type="button" onClick={() => demo.mutate(d.role)} disabled={demo.isPending}>
            Demo: {d.label}
          </button>
        ))}
      </div>
    </section>
  );
}
