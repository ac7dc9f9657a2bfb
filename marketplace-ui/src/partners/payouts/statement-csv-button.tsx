/** Downloads one payout statement as the platform's CSV (GraphQL `partner { statement(period) { csv } }`). */
import { useMutation } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/status';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/generated';
import { monthLabel } from '../partner-labels';

const StatementCsvDocument = graphql(`
  query PartnerStatementCsv($id: ID!, $period: String!) {
    partner(id: $id) { id statement(period: $period) { period csv } }
  }
`);

function save(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function StatementCsvButton({ partnerId, period }: { partnerId: string; period: string }) {
  const download = useMutation({
    mutationFn: async () => {
      const { partner } = await request(StatementCsvDocument, { id: partnerId, period });
      if (!partner?.statement) throw new Error('The statement is no longer available.');
      save(`payout-statement-${period}.csv`, partner.statement.csv);
    },
  });
  return (
    <>
      <button type="button" onClick={() => download.mutate()} disabled={download.isPending} aria-label={`Download the ${monthLabel(period)} statement as CSV`}>
        {download.isPending ? 'Preparing…' : 'Download CSV'}
      </button>
      {download.error ? <ErrorNotice error={download.error} /> : null}
    </>
  );
}
