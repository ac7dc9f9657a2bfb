/**
 * The core HTTP application: one Hono app that mounts each feature's routes and
 * maps every error to problem+json in one place.
 */
import { Hono } from 'hono';
import type { ConnectionsDeps } from '../connections/deps.js';
import type { Database } from '../db/database.js';
import { toProblem } from '../errors.js';
import { graphqlRoutes, type GraphQLRouteOptions } from '../graphql/graphql-routes.js';
import type { PlatformServices } from '../platform/platform-services.js';
import type { Logger } from '../observability/logger.js';
import type { PlatformMetrics } from '../observability/metrics.js';
import { inboundWebhookRoutes } from '../runtime/webhooks/inbound-webhook-route.js';
import { authenticate, type ActorEnv } from './authenticate.js';
import { changelogRoute } from './changelog-route.js';
import { iconRoute } from './icon-route.js';
import { healthRoute } from './health-route.js';
import { ssoRoutes } from '../identity/sso/sso-routes.js';
import { referralLandingRoute } from '../partners/referrals/referral-landing-route.js';
import { oauthRoutes } from './oauth-routes.js';
import { spaRoute } from './spa-route.js';
import { usageRoutes } from './usage-routes.js';

export interface AppDeps {
  database: Database;
  logger: Logger;
  version: string;
  startedAt?: Date;
  /** Present when the platform can store credentials; mounts the OAuth routes. */
  connections?: ConnectionsDeps;
  /** The running platform's services (the GraphQL API mounts on them). */
  services?: PlatformServices;
  /** Prometheus metrics: times every request and serves /metrics. */
  metrics?: PlatformMetrics;
  /** /graphql limits and GraphiQL; the defaults suit production. */
  graphql?: GraphQLRouteOptions;
}

export function createApp(deps: AppDeps): Hono<ActorEnv> {
  const app = new Hono<ActorEnv>();
  if (deps.metrics) app.use('*', deps.metrics.middleware());
  app.onError((err, c) => {
    const problem = toProblem(err);
    if (problem.status >= 500) deps.logger.error({ err, path: c.req.path }, 'request failed');
    return c.json(problem, problem.status as 500, { 'content-type': 'application/problem+json' });
  });
  app.notFound((c) =>
    c.json(
      { type: 'about:blank', title: 'NOT_FOUND', status: 404, code: 'NOT_FOUND', detail: `No route for ${c.req.method} ${c.req.path}.` },
      404,
      { 'content-type': 'application/problem+json' },
    ),
  );
  app.route('/', healthRoute({ database: deps.database, version: deps.version, startedAt: deps.startedAt ?? new Date() }));
  app.route('/', changelogRoute(deps.database.db));
  app.route('/', iconRoute(deps.database.db));
  // Webhook-trigger deliveries from providers (core/src/runtime): the plugin's verify authenticates them, not a session.
  if (deps.services) {
    const { sandbox, clock, publicUrl } = deps.services;
    app.route('/', inboundWebhookRoutes({ db: deps.database.db, sandbox, clock, logger: deps.logger, publicUrl }));
  }
  app.use('*', authenticate(deps.database.db));
  if (deps.connections) app.route('/', oauthRoutes(deps.connections));
  app.route('/', usageRoutes(deps.database.db, deps.metrics));
  // Single sign-on (core/src/identity/sso): /auth/sso reports whether it is configured.
  if (deps.services) {
    const { sso, database, publicUrl, logger, clock } = deps.services;
    app.route('/', ssoRoutes({ sso, db: database.db, publicUrl, logger, now: () => clock.now() }));
  }
  // The GraphQL API (core/src/graphql), mounted when the platform's services are given.
  if (deps.services) app.route('/', graphqlRoutes(deps.services, deps.graphql));
  // Referral links (/?ref=CODE) record their first touch server-side before the UI loads.
  if (deps.services) {
    const { database, publicUrl, logger, clock } = deps.services;
    app.route('/', referralLandingRoute({ db: database.db, publicUrl, logger, now: () => clock.now() }));
  }
  // --- marketplace UI (core/src/http/spa-route.ts): mounted last, after every API route. ---
  const ui = spaRoute();
  if (ui) app.route('/', ui);
  // --- end marketplace UI ---
  return app;
}
