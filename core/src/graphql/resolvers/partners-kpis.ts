/** Program KPIs and ROI (internal team), the partner value calculator, and a partner's dashboard. */
import { partnerDashboard } from '../../partners/kpis/partner-dashboard.js';
import { partnerKpis } from '../../partners/kpis/partner-kpis.js';
import { calculatePartnerValue, type PartnerValueInputs } from '../../partners/kpis/partner-roi.js';
import type { PartnerRow } from '../../partners/partner-orgs.js';
import { ValidationError } from '../../errors.js';
import type { GraphQLContext } from '../context.js';
import { cents, db, now, settings } from './partners-shared.js';

export interface CostArgs {
  programManagementCents?: number | null;
  enablementCents?: number | null;
  toolsAndSystemsCents?: number | null;
}

export const partnerKpiResolvers = {
  Query: {
    async partnerKpis(_: unknown, args: CostArgs, ctx: GraphQLContext) {
      ctx.auth.requireInternalTeam();
      const c = (v: number | null | undefined, path: string) => cents(v ?? 0, path);
      return partnerKpis(db(ctx), await settings(ctx), now(ctx), {
        programManagementCents: c(args.programManagementCents, 'programManagementCents'),
        enablementCents: c(args.enablementCents, 'enablementCents'),
        toolsAndSystemsCents: c(args.toolsAndSystemsCents, 'toolsAndSystemsCents'),
      });
    },
    partnerValue(_: unknown, args: { input: PartnerValueInputs }) {
      try {
        return calculatePartnerValue(args.input);
      } catch (err) {
        if (err instanceof RangeError) throw new ValidationError(err.message);
        throw err;
      }
    },
  },
  Partner: {
    dashboard(p: PartnerRow, _: unknown, ctx: GraphQLContext) {
      return partnerDashboard(db(ctx), p.id, now(ctx));
    },
  },
};
