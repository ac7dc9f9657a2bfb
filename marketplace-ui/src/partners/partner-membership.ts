/** The partner organisations the signed-in viewer belongs to (GraphQL `myPartners`), shared by the navigation and the portal. */
import { useQuery } from '@tanstack/react-query';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import { useSession } from '../session/session-context';

const MyPartnersDocument = graphql(`
  query MyPartners {
    myPartners { id name slug kind agencyTier referralTier }
  }
`);

export function useMyPartners() {
  const session = useSession();
  const userId = session.viewer?.user.id;
  return useQuery({ queryKey: ['my-partners', userId], queryFn: () => request(MyPartnersDocument), enabled: Boolean(userId) });
}
