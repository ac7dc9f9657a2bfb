/** Listing.iconUrl: where the browser loads an integration's icon (registry/plugin-icon.ts). Public like the listing itself. */
import { iconUrl } from '../../registry/plugin-icon.js';

export const listingIconResolvers = {
  Listing: {
    iconUrl: (listing: { id: string; icon?: string | null }) => iconUrl(listing.id, listing.icon),
  },
};
