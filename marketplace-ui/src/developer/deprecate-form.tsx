/**
 * Deprecation scheduling: a date picker whose earliest day is the policy's
 * earliest allowed sunset, a message for customers, and (for platform admins)
 * the security-critical override that allows a sooner sunset.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice, formatDate, Loading, Notice } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';

const PolicyDocument = graphql(`
  query DeprecationPolicy {
    deprecationPolicy { minNoticeDays supportedMajors reminderDays earliestSunset }
  }
`);
const DeprecateDocument = graphql(`
  mutation DeprecateVersion($input: DeprecateVersionInput!) {
    deprecateVersion(input: $input) { id state sunsetAt deprecationMessage }
  }
`);

const day = (iso: string) => iso.slice(0, 10);

export function DeprecateForm({ versionId, version, allowSecurityCritical, onDone }: { versionId: string; version: string; allowSecurityCritical: boolean; onDone(): void }) {
  const policy = useQuery({ queryKey: ['deprecation-policy'], queryFn: () => request(PolicyDocument) });
  const [date, setDate] = useState('');
  const [message, setMessage] = useState('');
  const [critical, setCritical] = useState(false);
  const deprecate = useMutation({
    mutationFn: () => request(DeprecateDocument, { input: { versionId, sunsetAt: new Date(`${date}T23:59:59.000Z`).toISOString(), message, securityCritical: critical } }),
    onSuccess: onDone,
  });
  if (policy.isPending) return <Loading what="the deprecation policy" />;
  if (policy.error) return <ErrorNotice error={policy.error} />;
  const p = policy.data.deprecationPolicy;
  const earliest = day(p.earliestSunset);
  const tooEarly = Boolean(date) && date < earliest && !critical;

  return (
    <form
      className="stack narrow"
      onSubmit={(e) => {
        e.preventDefault();
        if (!tooEarly) deprecate.mutate();
      }}
    >
      <p className="small">
        The policy gives customers at least {p.minNoticeDays} days' notice (reminders {p.reminderDays.join(', ')} days before), so the earliest sunset
        today is <strong>{formatDate(p.earliestSunset)}</strong>.
      </p>
      <label className="field">
        <span>Sunset date for {version}</span>
        <input
          type="date"
          value={date}
          min={critical ? undefined : earliest}
          onChange={(e) => setDate(e.target.value)}
          required
          aria-describedby="sunset-help"
          aria-invalid={tooEarly}
        />
      </label>
      <p id="sunset-help" className="small muted">
        Earliest allowed: {earliest}
      </p>
      {tooEarly ? <Notice kind="warning">That date is earlier than the policy allows. Pick {formatDate(p.earliestSunset)} or later.</Notice> : null}
      <label className="field">
        <span>Message to customers</span>
        <textarea value={message} onChange={(e) => setMessage(e.target.value)} rows={2} required placeholder="Move to 2.x: it adds…" />
      </label>
      {allowSecurityCritical ? (
        <label className="chip">
          <input type="checkbox" checked={critical} onChange={(e) => setCritical(e.target.checked)} /> Security-critical (allows an earlier sunset)
        </label>
      ) : null}
      <ErrorNotice error={deprecate.error} title="The version was not deprecated." />
      {deprecate.isSuccess ? <Notice kind="success">Deprecated. Customers on {version} are notified.</Notice> : null}
      <button type="submit" className="danger" disabled={deprecate.isPending || tooEarly || deprecate.isSuccess}>
        Schedule deprecation
      </button>
    </form>
  );
}
