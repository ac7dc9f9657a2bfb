/**
 * The executable schema: the checked-in SDL (schemas/graphql/schema.graphql,
 * the contract) with one resolver module per domain.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GraphQLSchema } from './graphql-js.js';
import { createSchema } from 'graphql-yoga';
import type { GraphQLContext } from './context.js';
import { automationResolvers } from './resolvers/automations.js';
import { customerResolvers } from './resolvers/customers.js';
import { deadLetterResolvers } from './resolvers/dead-letters.js';
import { developerResolvers } from './resolvers/developers.js';
import { identityResolvers } from './resolvers/identity.js';
import { listingIconResolvers } from './resolvers/listing-icon.js';
import { marketplaceResolvers } from './resolvers/marketplace.js';
import { notificationResolvers } from './resolvers/notifications.js';
import { partnerPortalTermsResolvers } from './resolvers/partner-portal-terms.js';
import { partnerResolverModules } from './resolvers/partners.js';
import { reviewerResolvers } from './resolvers/reviewers.js';
import { scalarsAndEnums } from './resolvers/scalars-and-enums.js';
import { syncResolvers } from './resolvers/syncs.js';
import { usageResolvers } from './resolvers/usage.js';
import { versionResolvers } from './resolvers/versions.js';
import { webhookResolvers } from './resolvers/webhooks.js';

export const SCHEMA_FILE = path.resolve(import.meta.dirname, '../../../schemas/graphql/schema.graphql');
export const RELEASED_SCHEMA_FILE = path.resolve(import.meta.dirname, '../../../schemas/graphql/released/v1.graphql');

export function readSchemaSdl(file = SCHEMA_FILE): string {
  return fs.readFileSync(file, 'utf8');
}

const RESOLVER_MODULES = [
  scalarsAndEnums,
  identityResolvers,
  marketplaceResolvers,
  listingIconResolvers,
  versionResolvers,
  customerResolvers,
  notificationResolvers,
  developerResolvers,
  reviewerResolvers,
  automationResolvers,
  syncResolvers,
  webhookResolvers,
  usageResolvers,
  deadLetterResolvers,
  ...partnerResolverModules,
  partnerPortalTermsResolvers,
];

let cached: GraphQLSchema | undefined;

export function buildApiSchema(): GraphQLSchema {
  cached ??= createSchema<GraphQLContext>({
    typeDefs: readSchemaSdl(),
    resolvers: RESOLVER_MODULES,
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
  return cached;
}
