/** "Sign in with <provider>" when the platform has single sign-on, and why the last attempt failed. */
import { useQuery } from '@tanstack/react-query';

const SSO_MESSAGES: Record<string, string> = {
  sso_denied: 'You cancelled the sign-in at your identity provider.',
  sso_state_mismatch: 'That sign-in link was invalid or was started in another browser. Start again.',
  sso_expired: 'The sign-in took too long. Start again.',
  sso_provider_error: 'Your identity provider refused the sign-in.',
  sso_email_missing: 'Your identity provider did not share an email address with us.',
  sso_email_unverified: 'Your identity provider has not verified your email address.',
  sso_domain_not_allowed: 'Accounts from your email domain cannot sign in here. Ask your administrator.',
  sso_unavailable: 'Single sign-on is not available right now. Try again shortly, or sign in with your password.',
};

interface SsoStatus {
  enabled: boolean;
  label?: string;
  startUrl?: string;
}

export function SsoSignIn({ returnTo, error }: { returnTo: string; error: string | null }) {
  const status = useQuery({
    queryKey: ['sso-status'],
    queryFn: async (): Promise<SsoStatus> => {
      const res = await fetch('/auth/sso', { credentials: 'same-origin' });
      return res.ok ? ((await res.json()) as SsoStatus) : { enabled: false };
    },
    staleTime: 60_000,
  });
  const message = error ? (SSO_MESSAGES[error] ?? 'Single sign-on did not complete. Try again.') : null;
  return (
    <>
      {message ? (
        <div className="notice notice-error" role="alert">
          <strong>You could not be signed in with single sign-on.</strong>
          <p>{message}</p>
        </div>
      ) : null}
      {status.data?.enabled && status.data.startUrl ? (
        <p>
          <a className="button primary" href={`${status.data.startUrl}?returnTo=${encodeURIComponent(returnTo)}`}>
            Sign in with {status.data.label}
          </a>
        </p>
      ) : null}
    </>
  );
}
