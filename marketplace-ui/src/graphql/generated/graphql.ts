/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AgencyTier =
  | 'CERTIFIED'
  | 'PREMIER'
  | 'STRATEGIC';

export type AuditLogFilter = {
  action?: string | null | undefined;
  targetId?: string | null | undefined;
  targetType?: string | null | undefined;
  workspaceId?: string | number | null | undefined;
};

export type AuthType =
  | 'API_KEY'
  | 'BASIC'
  | 'NONE'
  | 'OAUTH2';

export type AutomationEndpointInput = {
  installationId: string | number;
  name: string;
};

export type CertificationRunStatus =
  | 'AWAITING_REVIEW'
  | 'CERTIFIED'
  | 'FAILED'
  | 'REJECTED'
  | 'RUNNING';

export type ConnectionState =
  | 'ACTIVE'
  | 'NEEDS_REAUTH'
  | 'REVOKED';

export type CreateAutomationInput = {
  action: AutomationEndpointInput;
  autoReplay?: boolean | null | undefined;
  enabled?: boolean | null | undefined;
  filters?: unknown;
  mapping?: unknown;
  name: string;
  trigger: AutomationEndpointInput;
  workspaceId: string | number;
};

export type CreatePublisherInput = {
  name: string;
  slug: string;
  website?: string | null | undefined;
};

export type DealInput = {
  amountCents: number;
  customerDomain: string;
  customerName: string;
};

export type DealState =
  | 'APPROVED'
  | 'EXPIRED'
  | 'PENDING_REVIEW'
  | 'REJECTED';

export type DemoRole =
  | 'ADMIN'
  | 'CUSTOMER'
  | 'DEVELOPER'
  | 'REVIEWER';

export type DeprecateVersionInput = {
  message: string;
  /** Platform admins only: allows a sunset sooner than the policy's notice. */
  securityCritical?: boolean | null | undefined;
  sunsetAt: string;
  versionId: string | number;
};

export type GateStatus =
  | 'FAILED'
  | 'PASSED'
  | 'PENDING'
  | 'RUNNING'
  | 'SKIPPED';

export type InstallationState =
  | 'ACTIVE'
  | 'DISABLED'
  | 'NEEDS_REAUTH'
  | 'PAUSED'
  | 'PENDING'
  | 'UNINSTALLED';

export type ListingFilter = {
  authType?: Array<AuthType> | null | undefined;
  category?: string | null | undefined;
  kind?: Array<PluginKind> | null | undefined;
  trustLevel?: Array<TrustLevel> | null | undefined;
};

export type ListingSort =
  /** Most recently published first. */
  | 'NEWEST'
  /** Most installed first. */
  | 'POPULARITY'
  /** Highest average rating first. */
  | 'RATING';

export type MdfClaimInput = {
  activity: string;
  amountCents: number;
  description: string;
  quarter: string;
};

export type MdfClaimState =
  | 'APPROVED'
  | 'COMPLETED'
  | 'REIMBURSED'
  | 'REJECTED'
  | 'SUBMITTED';

export type MdfResultsInput = {
  attributedRevenueCents: number;
  customersAcquired: number;
  leads: number;
  opportunities: number;
  pipelineCents: number;
};

export type PartnerKind =
  | 'AGENCY'
  | 'REFERRER'
  | 'RESELLER'
  | 'TECHNOLOGY';

export type PlatformRole =
  | 'ADMIN'
  | 'REVIEWER';

export type PluginKind =
  | 'API'
  | 'CONNECTOR'
  | 'NATIVE';

export type PublisherRole =
  | 'DEVELOPER'
  | 'OWNER';

export type ReferralTier =
  | 'INDIVIDUAL'
  | 'PROFESSIONAL'
  | 'STRATEGIC';

export type ReviewState =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED';

export type RunStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type ScorecardLevel =
  | 'BRONZE'
  | 'GOLD'
  | 'NONE'
  | 'PLATINUM'
  | 'SILVER';

export type SupportTicketStatus =
  | 'ANSWERED'
  | 'CLOSED'
  | 'OPEN';

export type TrainingTrack =
  | 'FOUNDATION'
  | 'SALES'
  | 'TECHNICAL';

export type TrustLevel =
  | 'CERTIFIED'
  | 'COMMUNITY'
  | 'VERIFIED_PUBLISHER';

export type UsageDimension =
  | 'INSTALLATION'
  | 'PLATFORM'
  | 'PLUGIN'
  | 'PUBLISHER'
  | 'VERSION'
  | 'WORKSPACE';

export type VersionState =
  | 'CERTIFIED'
  | 'DEPRECATED'
  | 'DRAFT'
  | 'IN_REVIEW'
  | 'REJECTED'
  | 'RETIRED'
  | 'SUBMITTED';

export type WorkspaceRole =
  | 'ADMIN'
  | 'MEMBER';

export type UnreadNotificationsQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationsQuery = { viewer: { notifications: { edges: Array<{ node: { id: string } }> } } | null };

export type CreateAutomationMutationVariables = Exact<{
  input: CreateAutomationInput;
}>;


export type CreateAutomationMutation = { createAutomation: { id: string, name: string, enabled: boolean } };

export type AutomationsQueryVariables = Exact<{
  workspaceId: string | number;
}>;


export type AutomationsQuery = { workspace: { id: string, automations: { edges: Array<{ node: { id: string, name: string, enabled: boolean, triggerName: string, actionName: string, mapping: unknown, createdAt: string, triggerInstallation: { id: string, listing: { name: string } } | null, actionInstallation: { id: string, listing: { name: string } } | null, runs: { edges: Array<{ node: { id: string, status: RunStatus, attempt: number, errorCode: string | null, errorMessage: string | null, startedAt: string, replayOf: string | null } }> } } }> } } | null };

export type SetAutomationEnabledMutationVariables = Exact<{
  id: string | number;
  enabled: boolean;
}>;


export type SetAutomationEnabledMutation = { setAutomationEnabled: { id: string, enabled: boolean } };

export type DeleteAutomationMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteAutomationMutation = { deleteAutomation: boolean };

export type ReplayRunMutationVariables = Exact<{
  runId: string | number;
}>;


export type ReplayRunMutation = { replayRun: { jobId: string, replayOf: string } };

export type AutomationSourcesQueryVariables = Exact<{
  workspaceId: string | number;
}>;


export type AutomationSourcesQuery = { workspace: { id: string, installations: { edges: Array<{ node: { id: string, state: InstallationState, listing: { name: string }, version: { manifest: unknown } } }> } } | null };

export type TestAutomationMutationVariables = Exact<{
  id: string | number;
}>;


export type TestAutomationMutation = { testAutomation: { jobId: string, runId: string } };

export type AutomationTestRunQueryVariables = Exact<{
  id: string | number;
}>;


export type AutomationTestRunQuery = { run: { id: string, status: RunStatus, errorCode: string | null, errorMessage: string | null, output: unknown, steps: unknown } | null };

export type TurnOnAutomationMutationVariables = Exact<{
  id: string | number;
}>;


export type TurnOnAutomationMutation = { setAutomationEnabled: { id: string, name: string, enabled: boolean } };

export type DeprecationPolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type DeprecationPolicyQuery = { deprecationPolicy: { minNoticeDays: number, supportedMajors: number, reminderDays: Array<number>, earliestSunset: string } };

export type DeprecateVersionMutationVariables = Exact<{
  input: DeprecateVersionInput;
}>;


export type DeprecateVersionMutation = { deprecateVersion: { id: string, state: VersionState, sunsetAt: string | null, deprecationMessage: string | null } };

export type CreatePublisherMutationVariables = Exact<{
  input: CreatePublisherInput;
}>;


export type CreatePublisherMutation = { createPublisher: { id: string } };

export type PublisherQueryVariables = Exact<{
  id: string | number;
}>;


export type PublisherQuery = { publisher: { id: string, name: string, slug: string, verified: boolean, website: string | null, viewerRole: PublisherRole, members: Array<{ role: PublisherRole, createdAt: string, user: { id: string, name: string, email: string } }>, keys: Array<{ keyId: string, algorithm: string, createdAt: string, revokedAt: string | null }>, plugins: Array<{ id: string, name: string, trustLevel: TrustLevel, versions: { edges: Array<{ node: { id: string, version: string, state: VersionState, createdAt: string, certifiedAt: string | null, deprecatedAt: string | null, sunsetAt: string | null } }> } }> } | null };

export type AddPublisherMemberMutationVariables = Exact<{
  publisherId: string | number;
  email: string;
  role: PublisherRole;
}>;


export type AddPublisherMemberMutation = { addPublisherMember: { role: PublisherRole } };

export type RemovePublisherMemberMutationVariables = Exact<{
  publisherId: string | number;
  userId: string | number;
}>;


export type RemovePublisherMemberMutation = { removePublisherMember: boolean };

export type RegisterPublisherKeyMutationVariables = Exact<{
  publisherId: string | number;
  publicKey: string;
}>;


export type RegisterPublisherKeyMutation = { registerPublisherKey: { keyId: string } };

export type RevokePublisherKeyMutationVariables = Exact<{
  publisherId: string | number;
  keyId: string;
}>;


export type RevokePublisherKeyMutation = { revokePublisherKey: { keyId: string } };

export type PublishVersionMutationVariables = Exact<{
  bundle: File;
  changelog: string;
}>;


export type PublishVersionMutation = { publishVersion: { digest: string, requiresReconsent: boolean, version: { id: string, version: string, pluginId: string } } };

export type VersionSloQueryVariables = Exact<{
  versionId: string | number;
}>;


export type VersionSloQuery = { versionSlo: { versionId: string, invocations: number, p95LatencyMs: number | null, errorRate: number | null, syncRuns: number, syncReliability: number | null, errorBudgetBurn: number | null, installs: number, activeInstalls: number, meets: { p95Latency: boolean | null, errorRate: boolean | null, syncReliability: boolean | null } } };

export type PluginVersionQueryVariables = Exact<{
  id: string | number;
}>;


export type PluginVersionQuery = { pluginVersion: { id: string, pluginId: string, version: string, state: VersionState, trustLevel: TrustLevel, changelog: string, scopes: Array<string>, hosts: Array<string>, createdAt: string, certifiedAt: string | null, deprecatedAt: string | null, deprecationMessage: string | null, sunsetAt: string | null, retiredAt: string | null, securityCritical: boolean, requiresReconsent: boolean, compatibility: unknown, analytics: { installs: number, activeInstalls: number } | null, certification: { id: string, status: CertificationRunStatus, startedAt: string, finishedAt: string | null, decisionNotes: string | null, gates: Array<{ gate: string, status: GateStatus, result: unknown, logs: string, durationMs: number | null }> } | null, listing: { id: string, name: string, versions: { edges: Array<{ node: { id: string, version: string, state: VersionState, analytics: { installs: number, activeInstalls: number } | null } }> } } } | null };

export type SubmitVersionMutationVariables = Exact<{
  versionId: string | number;
}>;


export type SubmitVersionMutation = { submitVersion: { certificationStarted: boolean, version: { id: string, state: VersionState } } };

export type SessionCsrfQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionCsrfQuery = { viewer: { csrfToken: string | null } | null };

export type InstallListingQueryVariables = Exact<{
  id: string | number;
}>;


export type InstallListingQuery = { listing: { id: string, name: string, authType: AuthType, scopes: Array<string>, hosts: Array<string>, latestVersion: { id: string, version: string } | null } | null };

export type InstallPluginMutationVariables = Exact<{
  workspaceId: string | number;
  pluginId: string | number;
}>;


export type InstallPluginMutation = { installPlugin: { id: string } };

export type InstallationWizardQueryVariables = Exact<{
  id: string | number;
}>;


export type InstallationWizardQuery = { installation: { id: string, state: InstallationState, settings: unknown, settingsSchema: unknown, consentedScopes: Array<string>, listing: { id: string, name: string, authType: AuthType }, version: { id: string, version: string, manifest: unknown }, connection: { id: string, state: ConnectionState, grantedScopes: Array<string> } | null } | null };

export type StartOAuthMutationVariables = Exact<{
  installationId: string | number;
  returnTo?: string | null | undefined;
}>;


export type StartOAuthMutation = { startOAuth: { url: string } };

export type ConnectApiKeyMutationVariables = Exact<{
  installationId: string | number;
  values: unknown;
}>;


export type ConnectApiKeyMutation = { connectWithApiKey: { id: string } };

export type ConnectBasicMutationVariables = Exact<{
  installationId: string | number;
  username: string;
  password: string;
}>;


export type ConnectBasicMutation = { connectWithBasicAuth: { id: string } };

export type ConfigureInstallationMutationVariables = Exact<{
  id: string | number;
  settings: unknown;
}>;


export type ConfigureInstallationMutation = { configureInstallation: { id: string, settings: unknown } };

export type TestConnectionMutationVariables = Exact<{
  installationId: string | number;
}>;


export type TestConnectionMutation = { testConnection: { ok: boolean, account: string | null, message: string | null, code: string | null } };

export type EnableInstallationMutationVariables = Exact<{
  id: string | number;
}>;


export type EnableInstallationMutation = { enableInstallation: { id: string, state: InstallationState } };

export type InstallationQueryVariables = Exact<{
  id: string | number;
}>;


export type InstallationQuery = { installation: { id: string, state: InstallationState, stateReason: string | null, settings: unknown, settingsSchema: unknown, consentedScopes: Array<string>, consentedHosts: Array<string>, pinnedMajor: number, createdAt: string, listing: { id: string, name: string, authType: AuthType }, version: { id: string, version: string, state: VersionState, deprecationMessage: string | null, sunsetAt: string | null }, previousVersion: { id: string, version: string } | null, connection: { id: string, state: ConnectionState, provider: string, grantedScopes: Array<string>, lastError: string | null, metadata: unknown, updatedAt: string } | null, upgrades: Array<{ id: string, version: string, scopes: Array<string>, hosts: Array<string>, changelog: string }> } | null };

export type ReconnectMutationVariables = Exact<{
  installationId: string | number;
  returnTo?: string | null | undefined;
}>;


export type ReconnectMutation = { startOAuth: { url: string } };

export type DisableInstallationMutationVariables = Exact<{
  id: string | number;
}>;


export type DisableInstallationMutation = { disableInstallation: { id: string, state: InstallationState } };

export type ResumeInstallationMutationVariables = Exact<{
  id: string | number;
}>;


export type ResumeInstallationMutation = { enableInstallation: { id: string, state: InstallationState } };

export type UninstallInstallationMutationVariables = Exact<{
  id: string | number;
}>;


export type UninstallInstallationMutation = { uninstallInstallation: { id: string, state: InstallationState } };

export type SaveSettingsMutationVariables = Exact<{
  id: string | number;
  settings: unknown;
}>;


export type SaveSettingsMutation = { configureInstallation: { id: string, settings: unknown } };

export type InstallationsQueryVariables = Exact<{
  workspaceId: string | number;
}>;


export type InstallationsQuery = { workspace: { id: string, name: string, installations: { edges: Array<{ node: { id: string, state: InstallationState, stateReason: string | null, updatedAt: string, listing: { id: string, name: string, iconUrl: string | null }, version: { id: string, version: string, state: VersionState, sunsetAt: string | null }, upgrades: Array<{ id: string, version: string }> } }> } } | null };

export type MigrationPlanQueryVariables = Exact<{
  installationId: string | number;
  targetVersionId: string | number;
}>;


export type MigrationPlanQuery = { migrationPlan: { fromVersion: string, toVersion: string, compatibility: unknown, settingsBefore: unknown, settingsAfter: unknown, settingsChanges: unknown, needsReconsent: boolean } };

export type MigrateInstallationMutationVariables = Exact<{
  id: string | number;
  targetVersionId: string | number;
  consent?: boolean | null | undefined;
}>;


export type MigrateInstallationMutation = { migrateInstallation: { installation: { id: string, state: InstallationState, version: { version: string } } } };

export type RollbackInstallationMutationVariables = Exact<{
  id: string | number;
}>;


export type RollbackInstallationMutation = { rollbackInstallation: { id: string, version: { version: string } } };

export type InstallationRunsQueryVariables = Exact<{
  id: string | number;
}>;


export type InstallationRunsQuery = { installation: { id: string, runs: { edges: Array<{ node: { id: string, kind: string, name: string, status: RunStatus, attempt: number, errorCode: string | null, errorMessage: string | null, startedAt: string, finishedAt: string | null } }> } } | null };

export type RunLogsQueryVariables = Exact<{
  id: string | number;
}>;


export type RunLogsQuery = { run: { id: string, input: unknown, output: unknown, steps: unknown, logs: { edges: Array<{ node: { at: string, level: string, message: string, data: unknown } }> } } | null };

export type ListingQueryVariables = Exact<{
  id: string | number;
}>;


export type ListingQuery = { listing: { id: string, name: string, description: string, kind: PluginKind, categories: Array<string>, iconUrl: string | null, authType: AuthType, trustLevel: TrustLevel, certification: VersionState, installCount: number, rating: number | null, ratingCount: number, scopes: Array<string>, hosts: Array<string>, publisher: { name: string, verified: boolean, website: string | null }, latestVersion: { id: string, version: string, state: VersionState, deprecationMessage: string | null, sunsetAt: string | null } | null, versions: { edges: Array<{ node: { id: string, version: string, state: VersionState, trustLevel: TrustLevel, changelog: string, createdAt: string, certifiedAt: string | null, deprecatedAt: string | null, deprecationMessage: string | null, sunsetAt: string | null, securityCritical: boolean } }> }, reviews: { edges: Array<{ node: { id: string, rating: number, body: string, authorName: string, createdAt: string } }> } } | null };

export type ReviewPluginMutationVariables = Exact<{
  pluginId: string | number;
  rating: number;
  body?: string | null | undefined;
}>;


export type ReviewPluginMutation = { reviewPlugin: { id: string } };

export type MarketplaceQueryVariables = Exact<{
  search?: string | null | undefined;
  filter?: ListingFilter | null | undefined;
  sort?: ListingSort | null | undefined;
  after?: string | null | undefined;
}>;


export type MarketplaceQuery = { marketplace: { edges: Array<{ node: { id: string, name: string, description: string, kind: PluginKind, categories: Array<string>, iconUrl: string | null, authType: AuthType, trustLevel: TrustLevel, certification: VersionState, installCount: number, rating: number | null, ratingCount: number, publisher: { name: string, verified: boolean } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type CategoriesQuery = { categories: Array<string> };

export type NotificationsQueryVariables = Exact<{
  unreadOnly?: boolean | null | undefined;
}>;


export type NotificationsQuery = { viewer: { notifications: { edges: Array<{ node: { id: string, kind: string, title: string, body: string, link: string | null, readAt: string | null, createdAt: string } }> } } | null };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type PartnerProgramTermsForCalculatorQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerProgramTermsForCalculatorQuery = { partner: { id: string, programTerms: { referralBountyCents: number, referralProfessionalBps: number, referralProfessionalMonths: number, referralStrategicBps: number, agencyTiers: Array<{ tier: AgencyTier, commissionBps: number }> } } | null };

export type PartnerDashboardQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerDashboardQuery = { partner: { id: string, name: string, agencyTier: AgencyTier | null, dashboard: { revenueGeneratedCents: number, customersManaged: number, customersReferred: number, commissionEarnedCents: number, trainingCompleted: number, trainingTotal: number, leaderboardRank: number | null, openSupportTickets: number, supportTicketsTotal: number, revenueTrend: Array<{ period: string, amountCents: number }>, commissionTrend: Array<{ period: string, amountCents: number }> }, clients: Array<{ id: string, workspaceId: string, grantedAt: string }>, attributions: Array<{ workspaceId: string, attributedAt: string }>, scorecards: Array<{ period: string, total: number, level: ScorecardLevel }> } | null };

export type RegisterDealMutationVariables = Exact<{
  partnerId: string | number;
  input: DealInput;
}>;


export type RegisterDealMutation = { registerDeal: { id: string, customerDomain: string, customerName: string, amountCents: number, state: DealState, protectedUntil: string | null, note: string | null } };

export type PartnerProgramTermsForDealsQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerProgramTermsForDealsQuery = { partner: { id: string, programTerms: { dealAutoApproveBelowCents: number, dealProtectionDays: number } } | null };

export type PartnerDealsQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerDealsQuery = { partner: { id: string, deals: Array<{ id: string, customerDomain: string, customerName: string, amountCents: number, state: DealState, submittedAt: string, decidedAt: string | null, protectedUntil: string | null, note: string | null }> } | null };

export type PartnerProgramTermsForMdfQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerProgramTermsForMdfQuery = { partner: { id: string, programTerms: { mdfReviewBusinessDays: number, mdfReimbursementDays: number, mdfCategories: Array<{ category: string, weightBps: number, activities: Array<string> }> } } | null };

export type SubmitMdfClaimMutationVariables = Exact<{
  partnerId: string | number;
  input: MdfClaimInput;
}>;


export type SubmitMdfClaimMutation = { submitMdfClaim: { id: string, state: MdfClaimState, reviewDueAt: string } };

export type PartnerMdfQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerMdfQuery = { partner: { id: string, mdfAccruals: Array<{ quarter: string, revenueCents: number, rateBps: number, amountCents: number }>, mdfClaims: Array<{ id: string, quarter: string, category: string, activity: string, description: string, amountCents: number, state: MdfClaimState, submittedAt: string, reviewDueAt: string, reviewOverdue: boolean, reimbursementDueAt: string | null, reimbursedAt: string | null }>, mdfRoi: { spendCents: number, revenueCents: number, roi: number | null, target: number, meetsTarget: boolean } } | null };

export type CompleteMdfClaimMutationVariables = Exact<{
  id: string | number;
  results: MdfResultsInput;
}>;


export type CompleteMdfClaimMutation = { completeMdfClaim: { id: string, state: MdfClaimState, reimbursementDueAt: string | null } };

export type MyPartnersQueryVariables = Exact<{ [key: string]: never; }>;


export type MyPartnersQuery = { myPartners: Array<{ id: string, name: string, slug: string, kind: PartnerKind, agencyTier: AgencyTier | null, referralTier: ReferralTier }> };

export type PartnerStatementsQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerStatementsQuery = { partner: { id: string, statements: Array<{ id: string, period: string, commissionCents: number, adjustmentCents: number, totalCents: number, computedAt: string, lines: Array<{ externalId: string, type: string, rule: string, basisCents: number, rateBps: number | null, amountCents: number, occurredAt: string }>, adjustments: Array<{ id: string, amountCents: number, reason: string }> }>, scorecards: Array<{ period: string, revenue: number, activity: number, enablement: number, relationship: number, total: number, level: ScorecardLevel, computedAt: string }> } | null };

export type PartnerStatementCsvQueryVariables = Exact<{
  id: string | number;
  period: string;
}>;


export type PartnerStatementCsvQuery = { partner: { id: string, statement: { period: string, csv: string } | null } | null };

export type PartnerReferralsQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerReferralsQuery = { partner: { id: string, referralTier: ReferralTier, referralCodes: Array<{ id: string, code: string, link: string, createdAt: string }>, attributions: Array<{ workspaceId: string, touchedAt: string, attributedAt: string }> } | null };

export type CreateReferralCodeMutationVariables = Exact<{
  partnerId: string | number;
}>;


export type CreateReferralCodeMutation = { createReferralCode: { id: string, code: string, link: string, createdAt: string } };

export type PartnerSupportTicketsQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerSupportTicketsQuery = { partner: { id: string, supportTickets: Array<{ id: string, subject: string, body: string, status: SupportTicketStatus, answer: string | null, createdAt: string, closedAt: string | null }> } | null };

export type ClosePartnerSupportTicketMutationVariables = Exact<{
  id: string | number;
}>;


export type ClosePartnerSupportTicketMutation = { closePartnerSupportTicket: { id: string, status: SupportTicketStatus, closedAt: string | null } };

export type OpenPartnerSupportTicketMutationVariables = Exact<{
  partnerId: string | number;
  subject: string;
  body: string;
}>;


export type OpenPartnerSupportTicketMutation = { openPartnerSupportTicket: { id: string, status: SupportTicketStatus } };

export type SubmitAssessmentMutationVariables = Exact<{
  partnerId: string | number;
  moduleId: string | number;
  answers: Array<number> | number;
}>;


export type SubmitAssessmentMutation = { submitAssessment: { correct: number, total: number, scoreBps: number, passed: boolean, certificate: { id: string, expiresAt: string } | null } };

export type RequestTierReviewMutationVariables = Exact<{
  partnerId: string | number;
  tier: AgencyTier;
}>;


export type RequestTierReviewMutation = { requestTierReview: { id: string, tier: AgencyTier, state: ReviewState, eligible: boolean } };

export type PartnerTrainingQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerTrainingQuery = { trainingModules: Array<{ id: string, slug: string, title: string, track: TrainingTrack, durationMinutes: number, questions: Array<{ prompt: string, choices: Array<string> }> }>, partner: { id: string, agencyTier: AgencyTier | null, certificates: Array<{ id: string, moduleId: string, userId: string, scoreBps: number, issuedAt: string, expiresAt: string, expired: boolean }>, tierEligibility: Array<{ tier: AgencyTier, eligible: boolean, requirements: Array<{ requirement: string, required: string, actual: string, met: boolean }> }>, tierReviews: Array<{ id: string, tier: AgencyTier, state: ReviewState, requestedAt: string, decidedAt: string | null, note: string | null }> } | null };

export type AuditLogQueryVariables = Exact<{
  filter?: AuditLogFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { edges: Array<{ node: { id: string, at: string, actorUserId: string | null, action: string, targetType: string, targetId: string, workspaceId: string | null, reason: string | null, data: unknown } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ReviewQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type ReviewQueueQuery = { reviewQueue: { edges: Array<{ node: { id: string, version: string, pluginId: string, state: VersionState, changelog: string, scopes: Array<string>, hosts: Array<string>, createdAt: string, requiresReconsent: boolean, compatibility: unknown, listing: { id: string, name: string, publisher: { name: string, verified: boolean } }, certification: { id: string, status: CertificationRunStatus, startedAt: string, finishedAt: string | null, decisionNotes: string | null, gates: Array<{ gate: string, status: GateStatus, result: unknown, logs: string, durationMs: number | null }> } | null } }> } };

export type CertifyVersionMutationVariables = Exact<{
  versionId: string | number;
  notes: string;
}>;


export type CertifyVersionMutation = { certifyVersion: { deprecatedByPolicy: Array<string>, autoUpdated: number, awaitingConsent: number, version: { id: string, state: VersionState } } };

export type RejectVersionMutationVariables = Exact<{
  versionId: string | number;
  notes: string;
}>;


export type RejectVersionMutation = { rejectVersion: { id: string, state: VersionState } };

export type CertifiedVersionsQueryVariables = Exact<{
  id: string | number;
}>;


export type CertifiedVersionsQuery = { listing: { id: string, name: string, versions: { edges: Array<{ node: { id: string, version: string, state: VersionState, sunsetAt: string | null } }> } } | null };

export type ListingIdsQueryVariables = Exact<{ [key: string]: never; }>;


export type ListingIdsQuery = { marketplace: { edges: Array<{ node: { id: string, name: string } }> } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { platformRole: PlatformRole | null, user: { id: string, email: string, name: string }, workspaces: Array<{ role: WorkspaceRole, workspace: { id: string, name: string, slug: string } }>, publishers: Array<{ role: PublisherRole, publisher: { id: string, name: string, slug: string } }> } | null };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { csrfToken: string, user: { id: string } } };

export type DemoLoginMutationVariables = Exact<{
  role: DemoRole;
}>;


export type DemoLoginMutation = { demoLogin: { csrfToken: string, user: { id: string } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type RoiIntegrationsQueryVariables = Exact<{ [key: string]: never; }>;


export type RoiIntegrationsQuery = { marketplace: { edges: Array<{ node: { id: string, name: string } }> } };

export type IntegrationRoiQueryVariables = Exact<{
  pluginId: string | number;
}>;


export type IntegrationRoiQuery = { integrationRoi: { pluginId: string, roi: number | null, paybackMonths: number | null, costs: { development: number, maintenance: number, support: number, infrastructure: number, total: number }, revenue: { newCustomers: number, retentionImpact: number, upsellOpportunity: number, total: number }, inputs: { apiCalls: number, attributedSignups: number } } };

export type UsageInstallationsQueryVariables = Exact<{
  workspaceId: string | number;
}>;


export type UsageInstallationsQuery = { workspace: { id: string, name: string, installations: { edges: Array<{ node: { id: string, state: InstallationState, listing: { name: string } } }> } } | null };

export type UsageReportQueryVariables = Exact<{
  dimension: UsageDimension;
  id: string | number;
  from?: string | null | undefined;
  to?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type UsageReportQuery = { usage: { totals: Array<{ metric: string, count: number, sumDurationMs: number, valueCents: number }>, series: { edges: Array<{ node: { bucketStart: string, metric: string, count: number, sumDurationMs: number, valueCents: number } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const UnreadNotificationsDocument = new TypedDocumentString(`
    query UnreadNotifications {
  viewer {
    notifications(unreadOnly: true, first: 50) {
      edges {
        node {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UnreadNotificationsQuery, UnreadNotificationsQueryVariables>;
export const CreateAutomationDocument = new TypedDocumentString(`
    mutation CreateAutomation($input: CreateAutomationInput!) {
  createAutomation(input: $input) {
    id
    name
    enabled
  }
}
    `) as unknown as TypedDocumentString<CreateAutomationMutation, CreateAutomationMutationVariables>;
export const AutomationsDocument = new TypedDocumentString(`
    query Automations($workspaceId: ID!) {
  workspace(id: $workspaceId) {
    id
    automations(first: 50) {
      edges {
        node {
          id
          name
          enabled
          triggerName
          actionName
          mapping
          createdAt
          triggerInstallation {
            id
            listing {
              name
            }
          }
          actionInstallation {
            id
            listing {
              name
            }
          }
          runs(first: 10) {
            edges {
              node {
                id
                status
                attempt
                errorCode
                errorMessage
                startedAt
                replayOf
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AutomationsQuery, AutomationsQueryVariables>;
export const SetAutomationEnabledDocument = new TypedDocumentString(`
    mutation SetAutomationEnabled($id: ID!, $enabled: Boolean!) {
  setAutomationEnabled(id: $id, enabled: $enabled) {
    id
    enabled
  }
}
    `) as unknown as TypedDocumentString<SetAutomationEnabledMutation, SetAutomationEnabledMutationVariables>;
export const DeleteAutomationDocument = new TypedDocumentString(`
    mutation DeleteAutomation($id: ID!) {
  deleteAutomation(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteAutomationMutation, DeleteAutomationMutationVariables>;
export const ReplayRunDocument = new TypedDocumentString(`
    mutation ReplayRun($runId: ID!) {
  replayRun(runId: $runId) {
    jobId
    replayOf
  }
}
    `) as unknown as TypedDocumentString<ReplayRunMutation, ReplayRunMutationVariables>;
export const AutomationSourcesDocument = new TypedDocumentString(`
    query AutomationSources($workspaceId: ID!) {
  workspace(id: $workspaceId) {
    id
    installations(first: 100) {
      edges {
        node {
          id
          state
          listing {
            name
          }
          version {
            manifest
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AutomationSourcesQuery, AutomationSourcesQueryVariables>;
export const TestAutomationDocument = new TypedDocumentString(`
    mutation TestAutomation($id: ID!) {
  testAutomation(id: $id) {
    jobId
    runId
  }
}
    `) as unknown as TypedDocumentString<TestAutomationMutation, TestAutomationMutationVariables>;
export const AutomationTestRunDocument = new TypedDocumentString(`
    query AutomationTestRun($id: ID!) {
  run(id: $id) {
    id
    status
    errorCode
    errorMessage
    output
    steps
  }
}
    `) as unknown as TypedDocumentString<AutomationTestRunQuery, AutomationTestRunQueryVariables>;
export const TurnOnAutomationDocument = new TypedDocumentString(`
    mutation TurnOnAutomation($id: ID!) {
  setAutomationEnabled(id: $id, enabled: true) {
    id
    name
    enabled
  }
}
    `) as unknown as TypedDocumentString<TurnOnAutomationMutation, TurnOnAutomationMutationVariables>;
export const DeprecationPolicyDocument = new TypedDocumentString(`
    query DeprecationPolicy {
  deprecationPolicy {
    minNoticeDays
    supportedMajors
    reminderDays
    earliestSunset
  }
}
    `) as unknown as TypedDocumentString<DeprecationPolicyQuery, DeprecationPolicyQueryVariables>;
export const DeprecateVersionDocument = new TypedDocumentString(`
    mutation DeprecateVersion($input: DeprecateVersionInput!) {
  deprecateVersion(input: $input) {
    id
    state
    sunsetAt
    deprecationMessage
  }
}
    `) as unknown as TypedDocumentString<DeprecateVersionMutation, DeprecateVersionMutationVariables>;
export const CreatePublisherDocument = new TypedDocumentString(`
    mutation CreatePublisher($input: CreatePublisherInput!) {
  createPublisher(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreatePublisherMutation, CreatePublisherMutationVariables>;
export const PublisherDocument = new TypedDocumentString(`
    query Publisher($id: ID!) {
  publisher(id: $id) {
    id
    name
    slug
    verified
    website
    viewerRole
    members {
      role
      createdAt
      user {
        id
        name
        email
      }
    }
    keys {
      keyId
      algorithm
      createdAt
      revokedAt
    }
    plugins {
      id
      name
      trustLevel
      versions(first: 20) {
        edges {
          node {
            id
            version
            state
            createdAt
            certifiedAt
            deprecatedAt
            sunsetAt
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PublisherQuery, PublisherQueryVariables>;
export const AddPublisherMemberDocument = new TypedDocumentString(`
    mutation AddPublisherMember($publisherId: ID!, $email: String!, $role: PublisherRole!) {
  addPublisherMember(publisherId: $publisherId, email: $email, role: $role) {
    role
  }
}
    `) as unknown as TypedDocumentString<AddPublisherMemberMutation, AddPublisherMemberMutationVariables>;
export const RemovePublisherMemberDocument = new TypedDocumentString(`
    mutation RemovePublisherMember($publisherId: ID!, $userId: ID!) {
  removePublisherMember(publisherId: $publisherId, userId: $userId)
}
    `) as unknown as TypedDocumentString<RemovePublisherMemberMutation, RemovePublisherMemberMutationVariables>;
export const RegisterPublisherKeyDocument = new TypedDocumentString(`
    mutation RegisterPublisherKey($publisherId: ID!, $publicKey: String!) {
  registerPublisherKey(publisherId: $publisherId, publicKey: $publicKey) {
    keyId
  }
}
    `) as unknown as TypedDocumentString<RegisterPublisherKeyMutation, RegisterPublisherKeyMutationVariables>;
export const RevokePublisherKeyDocument = new TypedDocumentString(`
    mutation RevokePublisherKey($publisherId: ID!, $keyId: String!) {
  revokePublisherKey(publisherId: $publisherId, keyId: $keyId) {
    keyId
  }
}
    `) as unknown as TypedDocumentString<RevokePublisherKeyMutation, RevokePublisherKeyMutationVariables>;
export const PublishVersionDocument = new TypedDocumentString(`
    mutation PublishVersion($bundle: Upload!, $changelog: String!) {
  publishVersion(bundle: $bundle, changelog: $changelog) {
    digest
    requiresReconsent
    version {
      id
      version
      pluginId
    }
  }
}
    `) as unknown as TypedDocumentString<PublishVersionMutation, PublishVersionMutationVariables>;
export const VersionSloDocument = new TypedDocumentString(`
    query VersionSlo($versionId: ID!) {
  versionSlo(versionId: $versionId) {
    versionId
    invocations
    p95LatencyMs
    errorRate
    syncRuns
    syncReliability
    errorBudgetBurn
    installs
    activeInstalls
    meets {
      p95Latency
      errorRate
      syncReliability
    }
  }
}
    `) as unknown as TypedDocumentString<VersionSloQuery, VersionSloQueryVariables>;
export const PluginVersionDocument = new TypedDocumentString(`
    query PluginVersion($id: ID!) {
  pluginVersion(id: $id) {
    id
    pluginId
    version
    state
    trustLevel
    changelog
    scopes
    hosts
    createdAt
    certifiedAt
    deprecatedAt
    deprecationMessage
    sunsetAt
    retiredAt
    securityCritical
    requiresReconsent
    compatibility
    analytics {
      installs
      activeInstalls
    }
    certification {
      id
      status
      startedAt
      finishedAt
      decisionNotes
      gates {
        gate
        status
        result
        logs
        durationMs
      }
    }
    listing {
      id
      name
      versions(first: 20) {
        edges {
          node {
            id
            version
            state
            analytics {
              installs
              activeInstalls
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PluginVersionQuery, PluginVersionQueryVariables>;
export const SubmitVersionDocument = new TypedDocumentString(`
    mutation SubmitVersion($versionId: ID!) {
  submitVersion(versionId: $versionId) {
    certificationStarted
    version {
      id
      state
    }
  }
}
    `) as unknown as TypedDocumentString<SubmitVersionMutation, SubmitVersionMutationVariables>;
export const SessionCsrfDocument = new TypedDocumentString(`
    query SessionCsrf {
  viewer {
    csrfToken
  }
}
    `) as unknown as TypedDocumentString<SessionCsrfQuery, SessionCsrfQueryVariables>;
export const InstallListingDocument = new TypedDocumentString(`
    query InstallListing($id: ID!) {
  listing(id: $id) {
    id
    name
    authType
    scopes
    hosts
    latestVersion {
      id
      version
    }
  }
}
    `) as unknown as TypedDocumentString<InstallListingQuery, InstallListingQueryVariables>;
export const InstallPluginDocument = new TypedDocumentString(`
    mutation InstallPlugin($workspaceId: ID!, $pluginId: ID!) {
  installPlugin(workspaceId: $workspaceId, pluginId: $pluginId) {
    id
  }
}
    `) as unknown as TypedDocumentString<InstallPluginMutation, InstallPluginMutationVariables>;
export const InstallationWizardDocument = new TypedDocumentString(`
    query InstallationWizard($id: ID!) {
  installation(id: $id) {
    id
    state
    settings
    settingsSchema
    consentedScopes
    listing {
      id
      name
      authType
    }
    version {
      id
      version
      manifest
    }
    connection {
      id
      state
      grantedScopes
    }
  }
}
    `) as unknown as TypedDocumentString<InstallationWizardQuery, InstallationWizardQueryVariables>;
export const StartOAuthDocument = new TypedDocumentString(`
    mutation StartOAuth($installationId: ID!, $returnTo: String) {
  startOAuth(installationId: $installationId, returnTo: $returnTo) {
    url
  }
}
    `) as unknown as TypedDocumentString<StartOAuthMutation, StartOAuthMutationVariables>;
export const ConnectApiKeyDocument = new TypedDocumentString(`
    mutation ConnectApiKey($installationId: ID!, $values: JSON!) {
  connectWithApiKey(installationId: $installationId, values: $values) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConnectApiKeyMutation, ConnectApiKeyMutationVariables>;
export const ConnectBasicDocument = new TypedDocumentString(`
    mutation ConnectBasic($installationId: ID!, $username: String!, $password: String!) {
  connectWithBasicAuth(
    installationId: $installationId
    username: $username
    password: $password
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConnectBasicMutation, ConnectBasicMutationVariables>;
export const ConfigureInstallationDocument = new TypedDocumentString(`
    mutation ConfigureInstallation($id: ID!, $settings: JSON!) {
  configureInstallation(id: $id, settings: $settings) {
    id
    settings
  }
}
    `) as unknown as TypedDocumentString<ConfigureInstallationMutation, ConfigureInstallationMutationVariables>;
export const TestConnectionDocument = new TypedDocumentString(`
    mutation TestConnection($installationId: ID!) {
  testConnection(installationId: $installationId) {
    ok
    account
    message
    code
  }
}
    `) as unknown as TypedDocumentString<TestConnectionMutation, TestConnectionMutationVariables>;
export const EnableInstallationDocument = new TypedDocumentString(`
    mutation EnableInstallation($id: ID!) {
  enableInstallation(id: $id) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<EnableInstallationMutation, EnableInstallationMutationVariables>;
export const InstallationDocument = new TypedDocumentString(`
    query Installation($id: ID!) {
  installation(id: $id) {
    id
    state
    stateReason
    settings
    settingsSchema
    consentedScopes
    consentedHosts
    pinnedMajor
    createdAt
    listing {
      id
      name
      authType
    }
    version {
      id
      version
      state
      deprecationMessage
      sunsetAt
    }
    previousVersion {
      id
      version
    }
    connection {
      id
      state
      provider
      grantedScopes
      lastError
      metadata
      updatedAt
    }
    upgrades {
      id
      version
      scopes
      hosts
      changelog
    }
  }
}
    `) as unknown as TypedDocumentString<InstallationQuery, InstallationQueryVariables>;
export const ReconnectDocument = new TypedDocumentString(`
    mutation Reconnect($installationId: ID!, $returnTo: String) {
  startOAuth(installationId: $installationId, returnTo: $returnTo) {
    url
  }
}
    `) as unknown as TypedDocumentString<ReconnectMutation, ReconnectMutationVariables>;
export const DisableInstallationDocument = new TypedDocumentString(`
    mutation DisableInstallation($id: ID!) {
  disableInstallation(id: $id) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<DisableInstallationMutation, DisableInstallationMutationVariables>;
export const ResumeInstallationDocument = new TypedDocumentString(`
    mutation ResumeInstallation($id: ID!) {
  enableInstallation(id: $id) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<ResumeInstallationMutation, ResumeInstallationMutationVariables>;
export const UninstallInstallationDocument = new TypedDocumentString(`
    mutation UninstallInstallation($id: ID!) {
  uninstallInstallation(id: $id) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<UninstallInstallationMutation, UninstallInstallationMutationVariables>;
export const SaveSettingsDocument = new TypedDocumentString(`
    mutation SaveSettings($id: ID!, $settings: JSON!) {
  configureInstallation(id: $id, settings: $settings) {
    id
    settings
  }
}
    `) as unknown as TypedDocumentString<SaveSettingsMutation, SaveSettingsMutationVariables>;
export const InstallationsDocument = new TypedDocumentString(`
    query Installations($workspaceId: ID!) {
  workspace(id: $workspaceId) {
    id
    name
    installations(first: 100) {
      edges {
        node {
          id
          state
          stateReason
          updatedAt
          listing {
            id
            name
            iconUrl
          }
          version {
            id
            version
            state
            sunsetAt
          }
          upgrades {
            id
            version
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InstallationsQuery, InstallationsQueryVariables>;
export const MigrationPlanDocument = new TypedDocumentString(`
    query MigrationPlan($installationId: ID!, $targetVersionId: ID!) {
  migrationPlan(
    installationId: $installationId
    targetVersionId: $targetVersionId
  ) {
    fromVersion
    toVersion
    compatibility
    settingsBefore
    settingsAfter
    settingsChanges
    needsReconsent
  }
}
    `) as unknown as TypedDocumentString<MigrationPlanQuery, MigrationPlanQueryVariables>;
export const MigrateInstallationDocument = new TypedDocumentString(`
    mutation MigrateInstallation($id: ID!, $targetVersionId: ID!, $consent: Boolean) {
  migrateInstallation(
    id: $id
    targetVersionId: $targetVersionId
    consent: $consent
  ) {
    installation {
      id
      state
      version {
        version
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MigrateInstallationMutation, MigrateInstallationMutationVariables>;
export const RollbackInstallationDocument = new TypedDocumentString(`
    mutation RollbackInstallation($id: ID!) {
  rollbackInstallation(id: $id) {
    id
    version {
      version
    }
  }
}
    `) as unknown as TypedDocumentString<RollbackInstallationMutation, RollbackInstallationMutationVariables>;
export const InstallationRunsDocument = new TypedDocumentString(`
    query InstallationRuns($id: ID!) {
  installation(id: $id) {
    id
    runs(first: 50) {
      edges {
        node {
          id
          kind
          name
          status
          attempt
          errorCode
          errorMessage
          startedAt
          finishedAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InstallationRunsQuery, InstallationRunsQueryVariables>;
export const RunLogsDocument = new TypedDocumentString(`
    query RunLogs($id: ID!) {
  run(id: $id) {
    id
    input
    output
    steps
    logs(first: 100) {
      edges {
        node {
          at
          level
          message
          data
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RunLogsQuery, RunLogsQueryVariables>;
export const ListingDocument = new TypedDocumentString(`
    query Listing($id: ID!) {
  listing(id: $id) {
    id
    name
    description
    kind
    categories
    iconUrl
    authType
    trustLevel
    certification
    installCount
    rating
    ratingCount
    scopes
    hosts
    publisher {
      name
      verified
      website
    }
    latestVersion {
      id
      version
      state
      deprecationMessage
      sunsetAt
    }
    versions(first: 20) {
      edges {
        node {
          id
          version
          state
          trustLevel
          changelog
          createdAt
          certifiedAt
          deprecatedAt
          deprecationMessage
          sunsetAt
          securityCritical
        }
      }
    }
    reviews(first: 20) {
      edges {
        node {
          id
          rating
          body
          authorName
          createdAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ListingQuery, ListingQueryVariables>;
export const ReviewPluginDocument = new TypedDocumentString(`
    mutation ReviewPlugin($pluginId: ID!, $rating: Int!, $body: String) {
  reviewPlugin(pluginId: $pluginId, rating: $rating, body: $body) {
    id
  }
}
    `) as unknown as TypedDocumentString<ReviewPluginMutation, ReviewPluginMutationVariables>;
export const MarketplaceDocument = new TypedDocumentString(`
    query Marketplace($search: String, $filter: ListingFilter, $sort: ListingSort, $after: String) {
  marketplace(
    search: $search
    filter: $filter
    sort: $sort
    first: 24
    after: $after
  ) {
    edges {
      node {
        id
        name
        description
        kind
        categories
        iconUrl
        authType
        trustLevel
        certification
        installCount
        rating
        ratingCount
        publisher {
          name
          verified
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MarketplaceQuery, MarketplaceQueryVariables>;
export const CategoriesDocument = new TypedDocumentString(`
    query Categories {
  categories
}
    `) as unknown as TypedDocumentString<CategoriesQuery, CategoriesQueryVariables>;
export const NotificationsDocument = new TypedDocumentString(`
    query Notifications($unreadOnly: Boolean) {
  viewer {
    notifications(unreadOnly: $unreadOnly, first: 50) {
      edges {
        node {
          id
          kind
          title
          body
          link
          readAt
          createdAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($ids: [ID!]!) {
  markNotificationsRead(ids: $ids)
}
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const PartnerProgramTermsForCalculatorDocument = new TypedDocumentString(`
    query PartnerProgramTermsForCalculator($id: ID!) {
  partner(id: $id) {
    id
    programTerms {
      agencyTiers {
        tier
        commissionBps
      }
      referralBountyCents
      referralProfessionalBps
      referralProfessionalMonths
      referralStrategicBps
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerProgramTermsForCalculatorQuery, PartnerProgramTermsForCalculatorQueryVariables>;
export const PartnerDashboardDocument = new TypedDocumentString(`
    query PartnerDashboard($id: ID!) {
  partner(id: $id) {
    id
    name
    agencyTier
    dashboard {
      revenueGeneratedCents
      customersManaged
      customersReferred
      commissionEarnedCents
      trainingCompleted
      trainingTotal
      revenueTrend {
        period
        amountCents
      }
      commissionTrend {
        period
        amountCents
      }
      leaderboardRank
      openSupportTickets
      supportTicketsTotal
    }
    clients {
      id
      workspaceId
      grantedAt
    }
    attributions {
      workspaceId
      attributedAt
    }
    scorecards {
      period
      total
      level
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerDashboardQuery, PartnerDashboardQueryVariables>;
export const RegisterDealDocument = new TypedDocumentString(`
    mutation RegisterDeal($partnerId: ID!, $input: DealInput!) {
  registerDeal(partnerId: $partnerId, input: $input) {
    id
    customerDomain
    customerName
    amountCents
    state
    protectedUntil
    note
  }
}
    `) as unknown as TypedDocumentString<RegisterDealMutation, RegisterDealMutationVariables>;
export const PartnerProgramTermsForDealsDocument = new TypedDocumentString(`
    query PartnerProgramTermsForDeals($id: ID!) {
  partner(id: $id) {
    id
    programTerms {
      dealAutoApproveBelowCents
      dealProtectionDays
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerProgramTermsForDealsQuery, PartnerProgramTermsForDealsQueryVariables>;
export const PartnerDealsDocument = new TypedDocumentString(`
    query PartnerDeals($id: ID!) {
  partner(id: $id) {
    id
    deals {
      id
      customerDomain
      customerName
      amountCents
      state
      submittedAt
      decidedAt
      protectedUntil
      note
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerDealsQuery, PartnerDealsQueryVariables>;
export const PartnerProgramTermsForMdfDocument = new TypedDocumentString(`
    query PartnerProgramTermsForMdf($id: ID!) {
  partner(id: $id) {
    id
    programTerms {
      mdfCategories {
        category
        weightBps
        activities
      }
      mdfReviewBusinessDays
      mdfReimbursementDays
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerProgramTermsForMdfQuery, PartnerProgramTermsForMdfQueryVariables>;
export const SubmitMdfClaimDocument = new TypedDocumentString(`
    mutation SubmitMdfClaim($partnerId: ID!, $input: MdfClaimInput!) {
  submitMdfClaim(partnerId: $partnerId, input: $input) {
    id
    state
    reviewDueAt
  }
}
    `) as unknown as TypedDocumentString<SubmitMdfClaimMutation, SubmitMdfClaimMutationVariables>;
export const PartnerMdfDocument = new TypedDocumentString(`
    query PartnerMdf($id: ID!) {
  partner(id: $id) {
    id
    mdfAccruals {
      quarter
      revenueCents
      rateBps
      amountCents
    }
    mdfClaims {
      id
      quarter
      category
      activity
      description
      amountCents
      state
      submittedAt
      reviewDueAt
      reviewOverdue
      reimbursementDueAt
      reimbursedAt
    }
    mdfRoi {
      spendCents
      revenueCents
      roi
      target
      meetsTarget
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerMdfQuery, PartnerMdfQueryVariables>;
export const CompleteMdfClaimDocument = new TypedDocumentString(`
    mutation CompleteMdfClaim($id: ID!, $results: MdfResultsInput!) {
  completeMdfClaim(id: $id, results: $results) {
    id
    state
    reimbursementDueAt
  }
}
    `) as unknown as TypedDocumentString<CompleteMdfClaimMutation, CompleteMdfClaimMutationVariables>;
export const MyPartnersDocument = new TypedDocumentString(`
    query MyPartners {
  myPartners {
    id
    name
    slug
    kind
    agencyTier
    referralTier
  }
}
    `) as unknown as TypedDocumentString<MyPartnersQuery, MyPartnersQueryVariables>;
export const PartnerStatementsDocument = new TypedDocumentString(`
    query PartnerStatements($id: ID!) {
  partner(id: $id) {
    id
    statements {
      id
      period
      commissionCents
      adjustmentCents
      totalCents
      computedAt
      lines {
        externalId
        type
        rule
        basisCents
        rateBps
        amountCents
        occurredAt
      }
      adjustments {
        id
        amountCents
        reason
      }
    }
    scorecards {
      period
      revenue
      activity
      enablement
      relationship
      total
      level
      computedAt
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerStatementsQuery, PartnerStatementsQueryVariables>;
export const PartnerStatementCsvDocument = new TypedDocumentString(`
    query PartnerStatementCsv($id: ID!, $period: String!) {
  partner(id: $id) {
    id
    statement(period: $period) {
      period
      csv
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerStatementCsvQuery, PartnerStatementCsvQueryVariables>;
export const PartnerReferralsDocument = new TypedDocumentString(`
    query PartnerReferrals($id: ID!) {
  partner(id: $id) {
    id
    referralTier
    referralCodes {
      id
      code
      link
      createdAt
    }
    attributions {
      workspaceId
      touchedAt
      attributedAt
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerReferralsQuery, PartnerReferralsQueryVariables>;
export const CreateReferralCodeDocument = new TypedDocumentString(`
    mutation CreateReferralCode($partnerId: ID!) {
  createReferralCode(partnerId: $partnerId) {
    id
    code
    link
    createdAt
  }
}
    `) as unknown as TypedDocumentString<CreateReferralCodeMutation, CreateReferralCodeMutationVariables>;
export const PartnerSupportTicketsDocument = new TypedDocumentString(`
    query PartnerSupportTickets($id: ID!) {
  partner(id: $id) {
    id
    supportTickets {
      id
      subject
      body
      status
      answer
      createdAt
      closedAt
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerSupportTicketsQuery, PartnerSupportTicketsQueryVariables>;
export const ClosePartnerSupportTicketDocument = new TypedDocumentString(`
    mutation ClosePartnerSupportTicket($id: ID!) {
  closePartnerSupportTicket(id: $id) {
    id
    status
    closedAt
  }
}
    `) as unknown as TypedDocumentString<ClosePartnerSupportTicketMutation, ClosePartnerSupportTicketMutationVariables>;
export const OpenPartnerSupportTicketDocument = new TypedDocumentString(`
    mutation OpenPartnerSupportTicket($partnerId: ID!, $subject: String!, $body: String!) {
  openPartnerSupportTicket(partnerId: $partnerId, subject: $subject, body: $body) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<OpenPartnerSupportTicketMutation, OpenPartnerSupportTicketMutationVariables>;
export const SubmitAssessmentDocument = new TypedDocumentString(`
    mutation SubmitAssessment($partnerId: ID!, $moduleId: ID!, $answers: [Int!]!) {
  submitAssessment(partnerId: $partnerId, moduleId: $moduleId, answers: $answers) {
    correct
    total
    scoreBps
    passed
    certificate {
      id
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<SubmitAssessmentMutation, SubmitAssessmentMutationVariables>;
export const RequestTierReviewDocument = new TypedDocumentString(`
    mutation RequestTierReview($partnerId: ID!, $tier: AgencyTier!) {
  requestTierReview(partnerId: $partnerId, tier: $tier) {
    id
    tier
    state
    eligible
  }
}
    `) as unknown as TypedDocumentString<RequestTierReviewMutation, RequestTierReviewMutationVariables>;
export const PartnerTrainingDocument = new TypedDocumentString(`
    query PartnerTraining($id: ID!) {
  trainingModules {
    id
    slug
    title
    track
    durationMinutes
    questions {
      prompt
      choices
    }
  }
  partner(id: $id) {
    id
    agencyTier
    certificates {
      id
      moduleId
      userId
      scoreBps
      issuedAt
      expiresAt
      expired
    }
    tierEligibility {
      tier
      eligible
      requirements {
        requirement
        required
        actual
        met
      }
    }
    tierReviews {
      id
      tier
      state
      requestedAt
      decidedAt
      note
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerTrainingQuery, PartnerTrainingQueryVariables>;
export const AuditLogDocument = new TypedDocumentString(`
    query AuditLog($filter: AuditLogFilter, $after: String) {
  auditLog(filter: $filter, first: 50, after: $after) {
    edges {
      node {
        id
        at
        actorUserId
        action
        targetType
        targetId
        workspaceId
        reason
        data
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
export const ReviewQueueDocument = new TypedDocumentString(`
    query ReviewQueue {
  reviewQueue(first: 50) {
    edges {
      node {
        id
        version
        pluginId
        state
        changelog
        scopes
        hosts
        createdAt
        requiresReconsent
        compatibility
        listing {
          id
          name
          publisher {
            name
            verified
          }
        }
        certification {
          id
          status
          startedAt
          finishedAt
          decisionNotes
          gates {
            gate
            status
            result
            logs
            durationMs
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewQueueQuery, ReviewQueueQueryVariables>;
export const CertifyVersionDocument = new TypedDocumentString(`
    mutation CertifyVersion($versionId: ID!, $notes: String!) {
  certifyVersion(versionId: $versionId, notes: $notes) {
    version {
      id
      state
    }
    deprecatedByPolicy
    autoUpdated
    awaitingConsent
  }
}
    `) as unknown as TypedDocumentString<CertifyVersionMutation, CertifyVersionMutationVariables>;
export const RejectVersionDocument = new TypedDocumentString(`
    mutation RejectVersion($versionId: ID!, $notes: String!) {
  rejectVersion(versionId: $versionId, notes: $notes) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<RejectVersionMutation, RejectVersionMutationVariables>;
export const CertifiedVersionsDocument = new TypedDocumentString(`
    query CertifiedVersions($id: ID!) {
  listing(id: $id) {
    id
    name
    versions(first: 20) {
      edges {
        node {
          id
          version
          state
          sunsetAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CertifiedVersionsQuery, CertifiedVersionsQueryVariables>;
export const ListingIdsDocument = new TypedDocumentString(`
    query ListingIds {
  marketplace(first: 100, sort: NEWEST) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ListingIdsQuery, ListingIdsQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    user {
      id
      email
      name
    }
    platformRole
    workspaces {
      role
      workspace {
        id
        name
        slug
      }
    }
    publishers {
      role
      publisher {
        id
        name
        slug
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    csrfToken
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const DemoLoginDocument = new TypedDocumentString(`
    mutation DemoLogin($role: DemoRole!) {
  demoLogin(role: $role) {
    csrfToken
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<DemoLoginMutation, DemoLoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const RoiIntegrationsDocument = new TypedDocumentString(`
    query RoiIntegrations {
  marketplace(first: 100, sort: POPULARITY) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RoiIntegrationsQuery, RoiIntegrationsQueryVariables>;
export const IntegrationRoiDocument = new TypedDocumentString(`
    query IntegrationRoi($pluginId: ID!) {
  integrationRoi(pluginId: $pluginId) {
    pluginId
    roi
    paybackMonths
    costs {
      development
      maintenance
      support
      infrastructure
      total
    }
    revenue {
      newCustomers
      retentionImpact
      upsellOpportunity
      total
    }
    inputs {
      apiCalls
      attributedSignups
    }
  }
}
    `) as unknown as TypedDocumentString<IntegrationRoiQuery, IntegrationRoiQueryVariables>;
export const UsageInstallationsDocument = new TypedDocumentString(`
    query UsageInstallations($workspaceId: ID!) {
  workspace(id: $workspaceId) {
    id
    name
    installations(first: 100) {
      edges {
        node {
          id
          state
          listing {
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UsageInstallationsQuery, UsageInstallationsQueryVariables>;
export const UsageReportDocument = new TypedDocumentString(`
    query UsageReport($dimension: UsageDimension!, $id: ID!, $from: DateTime, $to: DateTime, $after: String) {
  usage(dimension: $dimension, id: $id, bucket: DAY, from: $from, to: $to) {
    totals {
      metric
      count
      sumDurationMs
      valueCents
    }
    series(first: 100, after: $after) {
      edges {
        node {
          bucketStart
          metric
          count
          sumDurationMs
          valueCents
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UsageReportQuery, UsageReportQueryVariables>;