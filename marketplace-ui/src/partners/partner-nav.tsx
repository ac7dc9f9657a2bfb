/** The navigation entry to the partner portal, shown only to members of a partner organisation. */
import { NavLink } from 'react-router';
import { useMyPartners } from './partner-membership';

export function PartnerNavEntry() {
  const partners = useMyPartners();
  if (!partners.data || partners.data.myPartners.length === 0) return null;
  return (
    <li>
      <NavLink to="/partners">Partner portal</NavLink>
    </li>
  );
}
