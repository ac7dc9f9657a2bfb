/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query UnreadNotifications {\n    viewer { notifications(unreadOnly: true, first: 50) { edges { node { id } } } }\n  }\n": typeof types.UnreadNotificationsDocument,
    "\n  mutation CreateAutomation($input: CreateAutomationInput!) {\n    createAutomation(input: $input) { id name enabled }\n  }\n": typeof types.CreateAutomationDocument,
    "\n  query Automations($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      id\n      automations(first: 50) {\n        edges {\n          node {\n            id name enabled triggerName actionName mapping createdAt\n            triggerInstallation { id listing { name } }\n            actionInstallation { id listing { name } }\n            runs(first: 10) { edges { node { id status attempt errorCode errorMessage startedAt replayOf } } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AutomationsDocument,
    "\n  mutation SetAutomationEnabled($id: ID!, $enabled: Boolean!) {\n    setAutomationEnabled(id: $id, enabled: $enabled) { id enabled }\n  }\n": typeof types.SetAutomationEnabledDocument,
    "\n  mutation DeleteAutomation($id: ID!) {\n    deleteAutomation(id: $id)\n  }\n": typeof types.DeleteAutomationDocument,
    "\n  mutation ReplayRun($runId: ID!) {\n    replayRun(runId: $runId) { jobId replayOf }\n  }\n": typeof types.ReplayRunDocument,
    "\n  query AutomationSources($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      id\n      installations(first: 100) { edges { node { id state listing { name } version { manifest } } } }\n    }\n  }\n": typeof types.AutomationSourcesDocument,
    "\n  mutation TestAutomation($id: ID!) {\n    testAutomation(id: $id) {\n      jobId\n      runId\n    }\n  }\n": typeof types.TestAutomationDocument,
    "\n  query AutomationTestRun($id: ID!) {\n    run(id: $id) {\n      id\n      status\n      errorCode\n      errorMessage\n      output\n      steps\n    }\n  }\n": typeof types.AutomationTestRunDocument,
    "\n  mutation TurnOnAutomation($id: ID!) {\n    setAutomationEnabled(id: $id, enabled: true) {\n      id\n      name\n      enabled\n    }\n  }\n": typeof types.TurnOnAutomationDocument,
    "\n  query DeprecationPolicy {\n    deprecationPolicy { minNoticeDays supportedMajors reminderDays earliestSunset }\n  }\n": typeof types.DeprecationPolicyDocument,
    "\n  mutation DeprecateVersion($input: DeprecateVersionInput!) {\n    deprecateVersion(input: $input) { id state sunsetAt deprecationMessage }\n  }\n": typeof types.DeprecateVersionDocument,
    "\n  mutation CreatePublisher($input: CreatePublisherInput!) {\n    createPublisher(input: $input) { id }\n  }\n": typeof types.CreatePublisherDocument,
    "\n  query Publisher($id: ID!) {\n    publisher(id: $id) {\n      id name slug verified website viewerRole\n      members { role createdAt user { id name email } }\n      keys { keyId algorithm createdAt revokedAt }\n      plugins {\n        id name trustLevel\n        versions(first: 20) { edges { node { id version state createdAt certifiedAt deprecatedAt sunsetAt } } }\n      }\n    }\n  }\n": typeof types.PublisherDocument,
    "\n  mutation AddPublisherMember($publisherId: ID!, $email: String!, $role: PublisherRole!) {\n    addPublisherMember(publisherId: $publisherId, email: $email, role: $role) { role }\n  }\n": typeof types.AddPublisherMemberDocument,
    "\n  mutation RemovePublisherMember($publisherId: ID!, $userId: ID!) {\n    removePublisherMember(publisherId: $publisherId, userId: $userId)\n  }\n": typeof types.RemovePublisherMemberDocument,
    "\n  mutation RegisterPublisherKey($publisherId: ID!, $publicKey: String!) {\n    registerPublisherKey(publisherId: $publisherId, publicKey: $publicKey) { keyId }\n  }\n": typeof types.RegisterPublisherKeyDocument,
    "\n  mutation RevokePublisherKey($publisherId: ID!, $keyId: String!) {\n    revokePublisherKey(publisherId: $publisherId, keyId: $keyId) { keyId }\n  }\n": typeof types.RevokePublisherKeyDocument,
    "\n  mutation PublishVersion($bundle: Upload!, $changelog: String!) {\n    publishVersion(bundle: $bundle, changelog: $changelog) { digest requiresReconsent version { id version pluginId } }\n  }\n": typeof types.PublishVersionDocument,
    "\n  query VersionSlo($versionId: ID!) {\n    versionSlo(versionId: $versionId) {\n      versionId invocations p95LatencyMs errorRate syncRuns syncReliability errorBudgetBurn installs activeInstalls\n      meets { p95Latency errorRate syncReliability }\n    }\n  }\n": typeof types.VersionSloDocument,
    "\n  query PluginVersion($id: ID!) {\n    pluginVersion(id: $id) {\n      id pluginId version state trustLevel changelog scopes hosts createdAt certifiedAt deprecatedAt deprecationMessage sunsetAt retiredAt securityCritical requiresReconsent compatibility\n      analytics { installs activeInstalls }\n      certification { id status startedAt finishedAt decisionNotes gates { gate status result logs durationMs } }\n      listing {\n        id name\n        versions(first: 20) { edges { node { id version state analytics { installs activeInstalls } } } }\n      }\n    }\n  }\n": typeof types.PluginVersionDocument,
    "\n  mutation SubmitVersion($versionId: ID!) {\n    submitVersion(versionId: $versionId) { certificationStarted version { id state } }\n  }\n": typeof types.SubmitVersionDocument,
    "\n  query SessionCsrf {\n    viewer { csrfToken }\n  }\n": typeof types.SessionCsrfDocument,
    "\n  query InstallListing($id: ID!) {\n    listing(id: $id) { id name authType scopes hosts latestVersion { id version } }\n  }\n": typeof types.InstallListingDocument,
    "\n  mutation InstallPlugin($workspaceId: ID!, $pluginId: ID!) {\n    installPlugin(workspaceId: $workspaceId, pluginId: $pluginId) { id }\n  }\n": typeof types.InstallPluginDocument,
    "\n  query InstallationWizard($id: ID!) {\n    installation(id: $id) {\n      id state settings settingsSchema consentedScopes\n      listing { id name authType }\n      version { id version manifest }\n      connection { id state grantedScopes }\n    }\n  }\n": typeof types.InstallationWizardDocument,
    "\n  mutation StartOAuth($installationId: ID!, $returnTo: String) {\n    startOAuth(installationId: $installationId, returnTo: $returnTo) { url }\n  }\n": typeof types.StartOAuthDocument,
    "\n  mutation ConnectApiKey($installationId: ID!, $values: JSON!) {\n    connectWithApiKey(installationId: $installationId, values: $values) { id }\n  }\n": typeof types.ConnectApiKeyDocument,
    "\n  mutation ConnectBasic($installationId: ID!, $username: String!, $password: String!) {\n    connectWithBasicAuth(installationId: $installationId, username: $username, password: $password) { id }\n  }\n": typeof types.ConnectBasicDocument,
    "\n  mutation ConfigureInstallation($id: ID!, $settings: JSON!) {\n    configureInstallation(id: $id, settings: $settings) { id settings }\n  }\n": typeof types.ConfigureInstallationDocument,
    "\n  mutation TestConnection($installationId: ID!) {\n    testConnection(installationId: $installationId) { ok account message code }\n  }\n": typeof types.TestConnectionDocument,
    "\n  mutation EnableInstallation($id: ID!) {\n    enableInstallation(id: $id) { id state }\n  }\n": typeof types.EnableInstallationDocument,
    "\n  query Installation($id: ID!) {\n    installation(id: $id) {\n      id state stateReason settings settingsSchema consentedScopes consentedHosts pinnedMajor createdAt\n      listing { id name authType }\n      version { id version state deprecationMessage sunsetAt }\n      previousVersion { id version }\n      connection { id state provider grantedScopes lastError metadata updatedAt }\n      upgrades { id version scopes hosts changelog }\n    }\n  }\n": typeof types.InstallationDocument,
    "\n  mutation Reconnect($installationId: ID!, $returnTo: String) {\n    startOAuth(installationId: $installationId, returnTo: $returnTo) { url }\n  }\n": typeof types.ReconnectDocument,
    "\n  mutation DisableInstallation($id: ID!) {\n    disableInstallation(id: $id) { id state }\n  }\n": typeof types.DisableInstallationDocument,
    "\n  mutation ResumeInstallation($id: ID!) {\n    enableInstallation(id: $id) { id state }\n  }\n": typeof types.ResumeInstallationDocument,
    "\n  mutation UninstallInstallation($id: ID!) {\n    uninstallInstallation(id: $id) { id state }\n  }\n": typeof types.UninstallInstallationDocument,
    "\n  mutation SaveSettings($id: ID!, $settings: JSON!) {\n    configureInstallation(id: $id, settings: $settings) { id settings }\n  }\n": typeof types.SaveSettingsDocument,
    "\n  query Installations($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      id name\n      installations(first: 100) {\n        edges {\n          node {\n            id state stateReason updatedAt\n            listing { id name iconUrl }\n            version { id version state sunsetAt }\n            upgrades { id version }\n          }\n        }\n      }\n    }\n  }\n": typeof types.InstallationsDocument,
    "\n  query MigrationPlan($installationId: ID!, $targetVersionId: ID!) {\n    migrationPlan(installationId: $installationId, targetVersionId: $targetVersionId) {\n      fromVersion toVersion compatibility settingsBefore settingsAfter settingsChanges needsReconsent\n    }\n  }\n": typeof types.MigrationPlanDocument,
    "\n  mutation MigrateInstallation($id: ID!, $targetVersionId: ID!, $consent: Boolean) {\n    migrateInstallation(id: $id, targetVersionId: $targetVersionId, consent: $consent) { installation { id state version { version } } }\n  }\n": typeof types.MigrateInstallationDocument,
    "\n  mutation RollbackInstallation($id: ID!) {\n    rollbackInstallation(id: $id) { id version { version } }\n  }\n": typeof types.RollbackInstallationDocument,
    "\n  query InstallationRuns($id: ID!) {\n    installation(id: $id) {\n      id\n      runs(first: 50) { edges { node { id kind name status attempt errorCode errorMessage startedAt finishedAt } } }\n    }\n  }\n": typeof types.InstallationRunsDocument,
    "\n  query RunLogs($id: ID!) {\n    run(id: $id) { id input output steps logs(first: 100) { edges { node { at level message data } } } }\n  }\n": typeof types.RunLogsDocument,
    "\n  query Listing($id: ID!) {\n    listing(id: $id) {\n      id name description kind categories iconUrl authType trustLevel certification installCount rating ratingCount scopes hosts\n      publisher { name verified website }\n      latestVersion { id version state deprecationMessage sunsetAt }\n      versions(first: 20) {\n        edges { node { id version state trustLevel changelog createdAt certifiedAt deprecatedAt deprecationMessage sunsetAt securityCritical } }\n      }\n      reviews(first: 20) {\n        edges { node { id rating body authorName createdAt } }\n      }\n    }\n  }\n": typeof types.ListingDocument,
    "\n  mutation ReviewPlugin($pluginId: ID!, $rating: Int!, $body: String) {\n    reviewPlugin(pluginId: $pluginId, rating: $rating, body: $body) { id }\n  }\n": typeof types.ReviewPluginDocument,
    "\n  query Marketplace($search: String, $filter: ListingFilter, $sort: ListingSort, $after: String) {\n    marketplace(search: $search, filter: $filter, sort: $sort, first: 24, after: $after) {\n      edges {\n        node {\n          id name description kind categories iconUrl authType trustLevel certification installCount rating ratingCount\n          publisher { name verified }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.MarketplaceDocument,
    "\n  query Categories {\n    categories\n  }\n": typeof types.CategoriesDocument,
    "\n  query Notifications($unreadOnly: Boolean) {\n    viewer { notifications(unreadOnly: $unreadOnly, first: 50) { edges { node { id kind title body link readAt createdAt } } } }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query PartnerProgramTermsForCalculator($id: ID!) {\n    partner(id: $id) {\n      id\n      programTerms {\n        agencyTiers { tier commissionBps }\n        referralBountyCents\n        referralProfessionalBps\n        referralProfessionalMonths\n        referralStrategicBps\n      }\n    }\n  }\n": typeof types.PartnerProgramTermsForCalculatorDocument,
    "\n  query PartnerDashboard($id: ID!) {\n    partner(id: $id) {\n      id\n      name\n      agencyTier\n      dashboard {\n        revenueGeneratedCents\n        customersManaged\n        customersReferred\n        commissionEarnedCents\n        trainingCompleted\n        trainingTotal\n        revenueTrend { period amountCents }\n        commissionTrend { period amountCents }\n        leaderboardRank\n        openSupportTickets\n        supportTicketsTotal\n      }\n      clients { id workspaceId grantedAt }\n      attributions { workspaceId attributedAt }\n      scorecards { period total level }\n    }\n  }\n": typeof types.PartnerDashboardDocument,
    "\n  mutation RegisterDeal($partnerId: ID!, $input: DealInput!) {\n    registerDeal(partnerId: $partnerId, input: $input) { id customerDomain customerName amountCents state protectedUntil note }\n  }\n": typeof types.RegisterDealDocument,
    "\n  query PartnerProgramTermsForDeals($id: ID!) {\n    partner(id: $id) { id programTerms { dealAutoApproveBelowCents dealProtectionDays } }\n  }\n": typeof types.PartnerProgramTermsForDealsDocument,
    "\n  query PartnerDeals($id: ID!) {\n    partner(id: $id) {\n      id\n      deals { id customerDomain customerName amountCents state submittedAt decidedAt protectedUntil note }\n    }\n  }\n": typeof types.PartnerDealsDocument,
    "\n  query PartnerProgramTermsForMdf($id: ID!) {\n    partner(id: $id) { id programTerms { mdfCategories { category weightBps activities } mdfReviewBusinessDays mdfReimbursementDays } }\n  }\n": typeof types.PartnerProgramTermsForMdfDocument,
    "\n  mutation SubmitMdfClaim($partnerId: ID!, $input: MdfClaimInput!) {\n    submitMdfClaim(partnerId: $partnerId, input: $input) { id state reviewDueAt }\n  }\n": typeof types.SubmitMdfClaimDocument,
    "\n  query PartnerMdf($id: ID!) {\n    partner(id: $id) {\n      id\n      mdfAccruals { quarter revenueCents rateBps amountCents }\n      mdfClaims { id quarter category activity description amountCents state submittedAt reviewDueAt reviewOverdue reimbursementDueAt reimbursedAt }\n      mdfRoi { spendCents revenueCents roi target meetsTarget }\n    }\n  }\n": typeof types.PartnerMdfDocument,
    "\n  mutation CompleteMdfClaim($id: ID!, $results: MdfResultsInput!) {\n    completeMdfClaim(id: $id, results: $results) { id state reimbursementDueAt }\n  }\n": typeof types.CompleteMdfClaimDocument,
    "\n  query MyPartners {\n    myPartners { id name slug kind agencyTier referralTier }\n  }\n": typeof types.MyPartnersDocument,
    "\n  query PartnerStatements($id: ID!) {\n    partner(id: $id) {\n      id\n      statements {\n        id\n        period\n        commissionCents\n        adjustmentCents\n        totalCents\n        computedAt\n        lines { externalId type rule basisCents rateBps amountCents occurredAt }\n        adjustments { id amountCents reason }\n      }\n      scorecards { period revenue activity enablement relationship total level computedAt }\n    }\n  }\n": typeof types.PartnerStatementsDocument,
    "\n  query PartnerStatementCsv($id: ID!, $period: String!) {\n    partner(id: $id) { id statement(period: $period) { period csv } }\n  }\n": typeof types.PartnerStatementCsvDocument,
    "\n  query PartnerReferrals($id: ID!) {\n    partner(id: $id) {\n      id\n      referralTier\n      referralCodes { id code link createdAt }\n      attributions { workspaceId touchedAt attributedAt }\n    }\n  }\n": typeof types.PartnerReferralsDocument,
    "\n  mutation CreateReferralCode($partnerId: ID!) {\n    createReferralCode(partnerId: $partnerId) { id code link createdAt }\n  }\n": typeof types.CreateReferralCodeDocument,
    "\n  query PartnerSupportTickets($id: ID!) {\n    partner(id: $id) {\n      id\n      supportTickets { id subject body status answer createdAt closedAt }\n    }\n  }\n": typeof types.PartnerSupportTicketsDocument,
    "\n  mutation ClosePartnerSupportTicket($id: ID!) {\n    closePartnerSupportTicket(id: $id) { id status closedAt }\n  }\n": typeof types.ClosePartnerSupportTicketDocument,
    "\n  mutation OpenPartnerSupportTicket($partnerId: ID!, $subject: String!, $body: String!) {\n    openPartnerSupportTicket(partnerId: $partnerId, subject: $subject, body: $body) { id status }\n  }\n": typeof types.OpenPartnerSupportTicketDocument,
    "\n  mutation SubmitAssessment($partnerId: ID!, $moduleId: ID!, $answers: [Int!]!) {\n    submitAssessment(partnerId: $partnerId, moduleId: $moduleId, answers: $answers) {\n      correct\n      total\n      scoreBps\n      passed\n      certificate { id expiresAt }\n    }\n  }\n": typeof types.SubmitAssessmentDocument,
    "\n  mutation RequestTierReview($partnerId: ID!, $tier: AgencyTier!) {\n    requestTierReview(partnerId: $partnerId, tier: $tier) { id tier state eligible }\n  }\n": typeof types.RequestTierReviewDocument,
    "\n  query PartnerTraining($id: ID!) {\n    trainingModules { id slug title track durationMinutes questions { prompt choices } }\n    partner(id: $id) {\n      id\n      agencyTier\n      certificates { id moduleId userId scoreBps issuedAt expiresAt expired }\n      tierEligibility { tier eligible requirements { requirement required actual met } }\n      tierReviews { id tier state requestedAt decidedAt note }\n    }\n  }\n": typeof types.PartnerTrainingDocument,
    "\n  query AuditLog($filter: AuditLogFilter, $after: String) {\n    auditLog(filter: $filter, first: 50, after: $after) {\n      edges { node { id at actorUserId action targetType targetId workspaceId reason data } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query ReviewQueue {\n    reviewQueue(first: 50) {\n      edges {\n        node {\n          id version pluginId state changelog scopes hosts createdAt requiresReconsent compatibility\n          listing { id name publisher { name verified } }\n          certification { id status startedAt finishedAt decisionNotes gates { gate status result logs durationMs } }\n        }\n      }\n    }\n  }\n": typeof types.ReviewQueueDocument,
    "\n  mutation CertifyVersion($versionId: ID!, $notes: String!) {\n    certifyVersion(versionId: $versionId, notes: $notes) { version { id state } deprecatedByPolicy autoUpdated awaitingConsent }\n  }\n": typeof types.CertifyVersionDocument,
    "\n  mutation RejectVersion($versionId: ID!, $notes: String!) {\n    rejectVersion(versionId: $versionId, notes: $notes) { id state }\n  }\n": typeof types.RejectVersionDocument,
    "\n  query CertifiedVersions($id: ID!) {\n    listing(id: $id) { id name versions(first: 20) { edges { node { id version state sunsetAt } } } }\n  }\n": typeof types.CertifiedVersionsDocument,
    "\n  query ListingIds {\n    marketplace(first: 100, sort: NEWEST) { edges { node { id name } } }\n  }\n": typeof types.ListingIdsDocument,
    "\n  query Viewer {\n    viewer {\n      user { id email name }\n      platformRole\n      workspaces { role workspace { id name slug } }\n      publishers { role publisher { id name slug } }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { csrfToken user { id } }\n  }\n": typeof types.LoginDocument,
    "\n  mutation DemoLogin($role: DemoRole!) {\n    demoLogin(role: $role) { csrfToken user { id } }\n  }\n": typeof types.DemoLoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query RoiIntegrations {\n    marketplace(first: 100, sort: POPULARITY) { edges { node { id name } } }\n  }\n": typeof types.RoiIntegrationsDocument,
    "\n  query IntegrationRoi($pluginId: ID!) {\n    integrationRoi(pluginId: $pluginId) {\n      pluginId roi paybackMonths\n      costs { development maintenance support infrastructure total }\n      revenue { newCustomers retentionImpact upsellOpportunity total }\n      inputs { apiCalls attributedSignups }\n    }\n  }\n": typeof types.IntegrationRoiDocument,
    "\n  query UsageInstallations($workspaceId: ID!) {\n    workspace(id: $workspaceId) { id name installations(first: 100) { edges { node { id state listing { name } } } } }\n  }\n": typeof types.UsageInstallationsDocument,
    "\n  query UsageReport($dimension: UsageDimension!, $id: ID!, $from: DateTime, $to: DateTime, $after: String) {\n    usage(dimension: $dimension, id: $id, bucket: DAY, from: $from, to: $to) {\n      totals { metric count sumDurationMs valueCents }\n      series(first: 100, after: $after) {\n        edges { node { bucketStart metric count sumDurationMs valueCents } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.UsageReportDocument,
};
const documents: Documents = {
    "\n  query UnreadNotifications {\n    viewer { notifications(unreadOnly: true, first: 50) { edges { node { id } } } }\n  }\n": types.UnreadNotificationsDocument,
    "\n  mutation CreateAutomation($input: CreateAutomationInput!) {\n    createAutomation(input: $input) { id name enabled }\n  }\n": types.CreateAutomationDocument,
    "\n  query Automations($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      id\n      automations(first: 50) {\n        edges {\n          node {\n            id name enabled triggerName actionName mapping createdAt\n            triggerInstallation { id listing { name } }\n            actionInstallation { id listing { name } }\n            runs(first: 10) { edges { node { id status attempt errorCode errorMessage startedAt replayOf } } }\n          }\n        }\n      }\n    }\n  }\n": types.AutomationsDocument,
    "\n  mutation SetAutomationEnabled($id: ID!, $enabled: Boolean!) {\n    setAutomationEnabled(id: $id, enabled: $enabled) { id enabled }\n  }\n": types.SetAutomationEnabledDocument,
    "\n  mutation DeleteAutomation($id: ID!) {\n    deleteAutomation(id: $id)\n  }\n": types.DeleteAutomationDocument,
    "\n  mutation ReplayRun($runId: ID!) {\n    replayRun(runId: $runId) { jobId replayOf }\n  }\n": types.ReplayRunDocument,
    "\n  query AutomationSources($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      id\n      installations(first: 100) { edges { node { id state listing { name } version { manifest } } } }\n    }\n  }\n": types.AutomationSourcesDocument,
    "\n  mutation TestAutomation($id: ID!) {\n    testAutomation(id: $id) {\n      jobId\n      runId\n    }\n  }\n": types.TestAutomationDocument,
    "\n  query AutomationTestRun($id: ID!) {\n    run(id: $id) {\n      id\n      status\n      errorCode\n      errorMessage\n      output\n      steps\n    }\n  }\n": types.AutomationTestRunDocument,
    "\n  mutation TurnOnAutomation($id: ID!) {\n    setAutomationEnabled(id: $id, enabled: true) {\n      id\n      name\n      enabled\n    }\n  }\n": types.TurnOnAutomationDocument,
    "\n  query DeprecationPolicy {\n    deprecationPolicy { minNoticeDays supportedMajors reminderDays earliestSunset }\n  }\n": types.DeprecationPolicyDocument,
    "\n  mutation DeprecateVersion($input: DeprecateVersionInput!) {\n    deprecateVersion(input: $input) { id state sunsetAt deprecationMessage }\n  }\n": types.DeprecateVersionDocument,
    "\n  mutation CreatePublisher($input: CreatePublisherInput!) {\n    createPublisher(input: $input) { id }\n  }\n": types.CreatePublisherDocument,
    "\n  query Publisher($id: ID!) {\n    publisher(id: $id) {\n      id name slug verified website viewerRole\n      members { role createdAt user { id name email } }\n      keys { keyId algorithm createdAt revokedAt }\n      plugins {\n        id name trustLevel\n        versions(first: 20) { edges { node { id version state createdAt certifiedAt deprecatedAt sunsetAt } } }\n      }\n    }\n  }\n": types.PublisherDocument,
    "\n  mutation AddPublisherMember($publisherId: ID!, $email: String!, $role: PublisherRole!) {\n    addPublisherMember(publisherId: $publisherId, email: $email, role: $role) { role }\n  }\n": types.AddPublisherMemberDocument,
    "\n  mutation RemovePublisherMember($publisherId: ID!, $userId: ID!) {\n    removePublisherMember(publisherId: $publisherId, userId: $userId)\n  }\n": types.RemovePublisherMemberDocument,
    "\n  mutation RegisterPublisherKey($publisherId: ID!, $publicKey: String!) {\n    registerPublisherKey(publisherId: $publisherId, publicKey: $publicKey) { keyId }\n  }\n": types.RegisterPublisherKeyDocument,
    "\n  mutation RevokePublisherKey($publisherId: ID!, $keyId: String!) {\n    revokePublisherKey(publisherId: $publisherId, keyId: $keyId) { keyId }\n  }\n": types.RevokePublisherKeyDocument,
    "\n  mutation PublishVersion($bundle: Upload!, $changelog: String!) {\n    publishVersion(bundle: $bundle, changelog: $changelog) { digest requiresReconsent version { id version pluginId } }\n  }\n": types.PublishVersionDocument,
    "\n  query VersionSlo($versionId: ID!) {\n    versionSlo(versionId: $versionId) {\n      versionId invocations p95LatencyMs errorRate syncRuns syncReliability errorBudgetBurn installs activeInstalls\n      meets { p95Latency errorRate syncReliability }\n    }\n  }\n": types.VersionSloDocument,
    "\n  query PluginVersion($id: ID!) {\n    pluginVersion(id: $id) {\n      id pluginId version state trustLevel changelog scopes hosts createdAt certifiedAt deprecatedAt deprecationMessage sunsetAt retiredAt securityCritical requiresReconsent compatibility\n      analytics { installs activeInstalls }\n      certification { id status startedAt finishedAt decisionNotes gates { gate status result logs durationMs } }\n      listing {\n        id name\n        versions(first: 20) { edges { node { id version state analytics { installs activeInstalls } } } }\n      }\n    }\n  }\n": types.PluginVersionDocument,
    "\n  mutation SubmitVersion($versionId: ID!) {\n    submitVersion(versionId: $versionId) { certificationStarted version { id state } }\n  }\n": types.SubmitVersionDocument,
    "\n  query SessionCsrf {\n    viewer { csrfToken }\n  }\n": types.SessionCsrfDocument,
    "\n  query InstallListing($id: ID!) {\n    listing(id: $id) { id name authType scopes hosts latestVersion { id version } }\n  }\n": types.InstallListingDocument,
    "\n  mutation InstallPlugin($workspaceId: ID!, $pluginId: ID!) {\n    installPlugin(workspaceId: $workspaceId, pluginId: $pluginId) { id }\n  }\n": types.InstallPluginDocument,
    "\n  query InstallationWizard($id: ID!) {\n    installation(id: $id) {\n      id state settings settingsSchema consentedScopes\n      listing { id name authType }\n      version { id version manifest }\n      connection { id state grantedScopes }\n    }\n  }\n": types.InstallationWizardDocument,
    "\n  mutation StartOAuth($installationId: ID!, $returnTo: String) {\n    startOAuth(installationId: $installationId, returnTo: $returnTo) { url }\n  }\n": types.StartOAuthDocument,
    "\n  mutation ConnectApiKey($installationId: ID!, $values: JSON!) {\n    connectWithApiKey(installationId: $installationId, values: $values) { id }\n  }\n": types.ConnectApiKeyDocument,
    "\n  mutation ConnectBasic($installationId: ID!, $username: String!, $password: String!) {\n    connectWithBasicAuth(installationId: $installationId, username: $username, password: $password) { id }\n  }\n": types.ConnectBasicDocument,
    "\n  mutation ConfigureInstallation($id: ID!, $settings: JSON!) {\n    configureInstallation(id: $id, settings: $settings) { id settings }\n  }\n": types.ConfigureInstallationDocument,
    "\n  mutation TestConnection($installationId: ID!) {\n    testConnection(installationId: $installationId) { ok account message code }\n  }\n": types.TestConnectionDocument,
    "\n  mutation EnableInstallation($id: ID!) {\n    enableInstallation(id: $id) { id state }\n  }\n": types.EnableInstallationDocument,
    "\n  query Installation($id: ID!) {\n    installation(id: $id) {\n      id state stateReason settings settingsSchema consentedScopes consentedHosts pinnedMajor createdAt\n      listing { id name authType }\n      version { id version state deprecationMessage sunsetAt }\n      previousVersion { id version }\n      connection { id state provider grantedScopes lastError metadata updatedAt }\n      upgrades { id version scopes hosts changelog }\n    }\n  }\n": types.InstallationDocument,
    "\n  mutation Reconnect($installationId: ID!, $returnTo: String) {\n    startOAuth(installationId: $installationId, returnTo: $returnTo) { url }\n  }\n": types.ReconnectDocument,
    "\n  mutation DisableInstallation($id: ID!) {\n    disableInstallation(id: $id) { id state }\n  }\n": types.DisableInstallationDocument,
    "\n  mutation ResumeInstallation($id: ID!) {\n    enableInstallation(id: $id) { id state }\n  }\n": types.ResumeInstallationDocument,
    "\n  mutation UninstallInstallation($id: ID!) {\n    uninstallInstallation(id: $id) { id state }\n  }\n": types.UninstallInstallationDocument,
    "\n  mutation SaveSettings($id: ID!, $settings: JSON!) {\n    configureInstallation(id: $id, settings: $settings) { id settings }\n  }\n": types.SaveSettingsDocument,
    "\n  query Installations($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      id name\n      installations(first: 100) {\n        edges {\n          node {\n            id state stateReason updatedAt\n            listing { id name iconUrl }\n            version { id version state sunsetAt }\n            upgrades { id version }\n          }\n        }\n      }\n    }\n  }\n": types.InstallationsDocument,
    "\n  query MigrationPlan($installationId: ID!, $targetVersionId: ID!) {\n    migrationPlan(installationId: $installationId, targetVersionId: $targetVersionId) {\n      fromVersion toVersion compatibility settingsBefore settingsAfter settingsChanges needsReconsent\n    }\n  }\n": types.MigrationPlanDocument,
    "\n  mutation MigrateInstallation($id: ID!, $targetVersionId: ID!, $consent: Boolean) {\n    migrateInstallation(id: $id, targetVersionId: $targetVersionId, consent: $consent) { installation { id state version { version } } }\n  }\n": types.MigrateInstallationDocument,
    "\n  mutation RollbackInstallation($id: ID!) {\n    rollbackInstallation(id: $id) { id version { version } }\n  }\n": types.RollbackInstallationDocument,
    "\n  query InstallationRuns($id: ID!) {\n    installation(id: $id) {\n      id\n      runs(first: 50) { edges { node { id kind name status attempt errorCode errorMessage startedAt finishedAt } } }\n    }\n  }\n": types.InstallationRunsDocument,
    "\n  query RunLogs($id: ID!) {\n    run(id: $id) { id input output steps logs(first: 100) { edges { node { at level message data } } } }\n  }\n": types.RunLogsDocument,
    "\n  query Listing($id: ID!) {\n    listing(id: $id) {\n      id name description kind categories iconUrl authType trustLevel certification installCount rating ratingCount scopes hosts\n      publisher { name verified website }\n      latestVersion { id version state deprecationMessage sunsetAt }\n      versions(first: 20) {\n        edges { node { id version state trustLevel changelog createdAt certifiedAt deprecatedAt deprecationMessage sunsetAt securityCritical } }\n      }\n      reviews(first: 20) {\n        edges { node { id rating body authorName createdAt } }\n      }\n    }\n  }\n": types.ListingDocument,
    "\n  mutation ReviewPlugin($pluginId: ID!, $rating: Int!, $body: String) {\n    reviewPlugin(pluginId: $pluginId, rating: $rating, body: $body) { id }\n  }\n": types.ReviewPluginDocument,
    "\n  query Marketplace($search: String, $filter: ListingFilter, $sort: ListingSort, $after: String) {\n    marketplace(search: $search, filter: $filter, sort: $sort, first: 24, after: $after) {\n      edges {\n        node {\n          id name description kind categories iconUrl authType trustLevel certification installCount rating ratingCount\n          publisher { name verified }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.MarketplaceDocument,
    "\n  query Categories {\n    categories\n  }\n": types.CategoriesDocument,
    "\n  query Notifications($unreadOnly: Boolean) {\n    viewer { notifications(unreadOnly: $unreadOnly, first: 50) { edges { node { id kind title body link readAt createdAt } } } }\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query PartnerProgramTermsForCalculator($id: ID!) {\n    partner(id: $id) {\n      id\n      programTerms {\n        agencyTiers { tier commissionBps }\n        referralBountyCents\n        referralProfessionalBps\n        referralProfessionalMonths\n        referralStrategicBps\n      }\n    }\n  }\n": types.PartnerProgramTermsForCalculatorDocument,
    "\n  query PartnerDashboard($id: ID!) {\n    partner(id: $id) {\n      id\n      name\n      agencyTier\n      dashboard {\n        revenueGeneratedCents\n        customersManaged\n        customersReferred\n        commissionEarnedCents\n        trainingCompleted\n        trainingTotal\n        revenueTrend { period amountCents }\n        commissionTrend { period amountCents }\n        leaderboardRank\n        openSupportTickets\n        supportTicketsTotal\n      }\n      clients { id workspaceId grantedAt }\n      attributions { workspaceId attributedAt }\n      scorecards { period total level }\n    }\n  }\n": types.PartnerDashboardDocument,
    "\n  mutation RegisterDeal($partnerId: ID!, $input: DealInput!) {\n    registerDeal(partnerId: $partnerId, input: $input) { id customerDomain customerName amountCents state protectedUntil note }\n  }\n": types.RegisterDealDocument,
    "\n  query PartnerProgramTermsForDeals($id: ID!) {\n    partner(id: $id) { id programTerms { dealAutoApproveBelowCents dealProtectionDays } }\n  }\n": types.PartnerProgramTermsForDealsDocument,
    "\n  query PartnerDeals($id: ID!) {\n    partner(id: $id) {\n      id\n      deals { id customerDomain customerName amountCents state submittedAt decidedAt protectedUntil note }\n    }\n  }\n": types.PartnerDealsDocument,
    "\n  query PartnerProgramTermsForMdf($id: ID!) {\n    partner(id: $id) { id programTerms { mdfCategories { category weightBps activities } mdfReviewBusinessDays mdfReimbursementDays } }\n  }\n": types.PartnerProgramTermsForMdfDocument,
    "\n  mutation SubmitMdfClaim($partnerId: ID!, $input: MdfClaimInput!) {\n    submitMdfClaim(partnerId: $partnerId, input: $input) { id state reviewDueAt }\n  }\n": types.SubmitMdfClaimDocument,
    "\n  query PartnerMdf($id: ID!) {\n    partner(id: $id) {\n      id\n      mdfAccruals { quarter revenueCents rateBps amountCents }\n      mdfClaims { id quarter category activity description amountCents state submittedAt reviewDueAt reviewOverdue reimbursementDueAt reimbursedAt }\n      mdfRoi { spendCents revenueCents roi target meetsTarget }\n    }\n  }\n": types.PartnerMdfDocument,
    "\n  mutation CompleteMdfClaim($id: ID!, $results: MdfResultsInput!) {\n    completeMdfClaim(id: $id, results: $results) { id state reimbursementDueAt }\n  }\n": types.CompleteMdfClaimDocument,
    "\n  query MyPartners {\n    myPartners { id name slug kind agencyTier referralTier }\n  }\n": types.MyPartnersDocument,
    "\n  query PartnerStatements($id: ID!) {\n    partner(id: $id) {\n      id\n      statements {\n        id\n        period\n        commissionCents\n        adjustmentCents\n        totalCents\n        computedAt\n        lines { externalId type rule basisCents rateBps amountCents occurredAt }\n        adjustments { id amountCents reason }\n      }\n      scorecards { period revenue activity enablement relationship total level computedAt }\n    }\n  }\n": types.PartnerStatementsDocument,
    "\n  query PartnerStatementCsv($id: ID!, $period: String!) {\n    partner(id: $id) { id statement(period: $period) { period csv } }\n  }\n": types.PartnerStatementCsvDocument,
    "\n  query PartnerReferrals($id: ID!) {\n    partner(id: $id) {\n      id\n      referralTier\n      referralCodes { id code link createdAt }\n      attributions { workspaceId touchedAt attributedAt }\n    }\n  }\n": types.PartnerReferralsDocument,
    "\n  mutation CreateReferralCode($partnerId: ID!) {\n    createReferralCode(partnerId: $partnerId) { id code link createdAt }\n  }\n": types.CreateReferralCodeDocument,
    "\n  query PartnerSupportTickets($id: ID!) {\n    partner(id: $id) {\n      id\n      supportTickets { id subject body status answer createdAt closedAt }\n    }\n  }\n": types.PartnerSupportTicketsDocument,
    "\n  mutation ClosePartnerSupportTicket($id: ID!) {\n    closePartnerSupportTicket(id: $id) { id status closedAt }\n  }\n": types.ClosePartnerSupportTicketDocument,
    "\n  mutation OpenPartnerSupportTicket($partnerId: ID!, $subject: String!, $body: String!) {\n    openPartnerSupportTicket(partnerId: $partnerId, subject: $subject, body: $body) { id status }\n  }\n": types.OpenPartnerSupportTicketDocument,
    "\n  mutation SubmitAssessment($partnerId: ID!, $moduleId: ID!, $answers: [Int!]!) {\n    submitAssessment(partnerId: $partnerId, moduleId: $moduleId, answers: $answers) {\n      correct\n      total\n      scoreBps\n      passed\n      certificate { id expiresAt }\n    }\n  }\n": types.SubmitAssessmentDocument,
    "\n  mutation RequestTierReview($partnerId: ID!, $tier: AgencyTier!) {\n    requestTierReview(partnerId: $partnerId, tier: $tier) { id tier state eligible }\n  }\n": types.RequestTierReviewDocument,
    "\n  query PartnerTraining($id: ID!) {\n    trainingModules { id slug title track durationMinutes questions { prompt choices } }\n    partner(id: $id) {\n      id\n      agencyTier\n      certificates { id moduleId userId scoreBps issuedAt expiresAt expired }\n      tierEligibility { tier eligible requirements { requirement required actual met } }\n      tierReviews { id tier state requestedAt decidedAt note }\n    }\n  }\n": types.PartnerTrainingDocument,
    "\n  query AuditLog($filter: AuditLogFilter, $after: String) {\n    auditLog(filter: $filter, first: 50, after: $after) {\n      edges { node { id at actorUserId action targetType targetId workspaceId reason data } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query ReviewQueue {\n    reviewQueue(first: 50) {\n      edges {\n        node {\n          id version pluginId state changelog scopes hosts createdAt requiresReconsent compatibility\n          listing { id name publisher { name verified } }\n          certification { id status startedAt finishedAt decisionNotes gates { gate status result logs durationMs } }\n        }\n      }\n    }\n  }\n": types.ReviewQueueDocument,
    "\n  mutation CertifyVersion($versionId: ID!, $notes: String!) {\n    certifyVersion(versionId: $versionId, notes: $notes) { version { id state } deprecatedByPolicy autoUpdated awaitingConsent }\n  }\n": types.CertifyVersionDocument,
    "\n  mutation RejectVersion($versionId: ID!, $notes: String!) {\n    rejectVersion(versionId: $versionId, notes: $notes) { id state }\n  }\n": types.RejectVersionDocument,
    "\n  query CertifiedVersions($id: ID!) {\n    listing(id: $id) { id name versions(first: 20) { edges { node { id version state sunsetAt } } } }\n  }\n": types.CertifiedVersionsDocument,
    "\n  query ListingIds {\n    marketplace(first: 100, sort: NEWEST) { edges { node { id name } } }\n  }\n": types.ListingIdsDocument,
    "\n  query Viewer {\n    viewer {\n      user { id email name }\n      platformRole\n      workspaces { role workspace { id name slug } }\n      publishers { role publisher { id name slug } }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { csrfToken user { id } }\n  }\n": types.LoginDocument,
    "\n  mutation DemoLogin($role: DemoRole!) {\n    demoLogin(role: $role) { csrfToken user { id } }\n  }\n": types.DemoLoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query RoiIntegrations {\n    marketplace(first: 100, sort: POPULARITY) { edges { node { id name } } }\n  }\n": types.RoiIntegrationsDocument,
    "\n  query IntegrationRoi($pluginId: ID!) {\n    integrationRoi(pluginId: $pluginId) {\n      pluginId roi paybackMonths\n      costs { development maintenance support infrastructure total }\n      revenue { newCustomers retentionImpact upsellOpportunity total }\n      inputs { apiCalls attributedSignups }\n    }\n  }\n": types.IntegrationRoiDocument,
    "\n  query UsageInstallations($workspaceId: ID!) {\n    workspace(id: $workspaceId) { id name installations(first: 100) { edges { node { id state listing { name } } } } }\n  }\n": types.UsageInstallationsDocument,
    "\n  query UsageReport($dimension: UsageDimension!, $id: ID!, $from: DateTime, $to: DateTime, $after: String) {\n    usage(dimension: $dimension, id: $id, bucket: DAY, from: $from, to: $to) {\n      totals { metric count sumDurationMs valueCents }\n      series(first: 100, after: $after) {\n        edges { node { bucketStart metric count sumDurationMs valueCents } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.UsageReportDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotifications {\n    viewer { notifications(unreadOnly: true, first: 50) { edges { node { id } } } }\n  }\n"): typeof import('./graphql').UnreadNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAutomation($input: CreateAutomationInput!) {\n    createAutomation(input: $input) { id name enabled }\n  }\n"): typeof import('./graphql').CreateAutomationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Automations($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      id\n      automations(first: 50) {\n        edges {\n          node {\n            id name enabled triggerName actionName mapping createdAt\n            triggerInstallation { id listing { name } }\n            actionInstallation { id listing { name } }\n            runs(first: 10) { edges { node { id status attempt errorCode errorMessage startedAt replayOf } } }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AutomationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAutomationEnabled($id: ID!, $enabled: Boolean!) {\n    setAutomationEnabled(id: $id, enabled: $enabled) { id enabled }\n  }\n"): typeof import('./graphql').SetAutomationEnabledDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAutomation($id: ID!) {\n    deleteAutomation(id: $id)\n  }\n"): typeof import('./graphql').DeleteAutomationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayRun($runId: ID!) {\n    replayRun(runId: $runId) { jobId replayOf }\n  }\n"): typeof import('./graphql').ReplayRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AutomationSources($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      id\n      installations(first: 100) { edges { node { id state listing { name } version { manifest } } } }\n    }\n  }\n"): typeof import('./graphql').AutomationSourcesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestAutomation($id: ID!) {\n    testAutomation(id: $id) {\n      jobId\n      runId\n    }\n  }\n"): typeof import('./graphql').TestAutomationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AutomationTestRun($id: ID!) {\n    run(id: $id) {\n      id\n      status\n      errorCode\n      errorMessage\n      output\n      steps\n    }\n  }\n"): typeof import('./graphql').AutomationTestRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TurnOnAutomation($id: ID!) {\n    setAutomationEnabled(id: $id, enabled: true) {\n      id\n      name\n      enabled\n    }\n  }\n"): typeof import('./graphql').TurnOnAutomationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeprecationPolicy {\n    deprecationPolicy { minNoticeDays supportedMajors reminderDays earliestSunset }\n  }\n"): typeof import('./graphql').DeprecationPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeprecateVersion($input: DeprecateVersionInput!) {\n    deprecateVersion(input: $input) { id state sunsetAt deprecationMessage }\n  }\n"): typeof import('./graphql').DeprecateVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePublisher($input: CreatePublisherInput!) {\n    createPublisher(input: $input) { id }\n  }\n"): typeof import('./graphql').CreatePublisherDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Publisher($id: ID!) {\n    publisher(id: $id) {\n      id name slug verified website viewerRole\n      members { role createdAt user { id name email } }\n      keys { keyId algorithm createdAt revokedAt }\n      plugins {\n        id name trustLevel\n        versions(first: 20) { edges { node { id version state createdAt certifiedAt deprecatedAt sunsetAt } } }\n      }\n    }\n  }\n"): typeof import('./graphql').PublisherDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddPublisherMember($publisherId: ID!, $email: String!, $role: PublisherRole!) {\n    addPublisherMember(publisherId: $publisherId, email: $email, role: $role) { role }\n  }\n"): typeof import('./graphql').AddPublisherMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePublisherMember($publisherId: ID!, $userId: ID!) {\n    removePublisherMember(publisherId: $publisherId, userId: $userId)\n  }\n"): typeof import('./graphql').RemovePublisherMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterPublisherKey($publisherId: ID!, $publicKey: String!) {\n    registerPublisherKey(publisherId: $publisherId, publicKey: $publicKey) { keyId }\n  }\n"): typeof import('./graphql').RegisterPublisherKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokePublisherKey($publisherId: ID!, $keyId: String!) {\n    revokePublisherKey(publisherId: $publisherId, keyId: $keyId) { keyId }\n  }\n"): typeof import('./graphql').RevokePublisherKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishVersion($bundle: Upload!, $changelog: String!) {\n    publishVersion(bundle: $bundle, changelog: $changelog) { digest requiresReconsent version { id version pluginId } }\n  }\n"): typeof import('./graphql').PublishVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VersionSlo($versionId: ID!) {\n    versionSlo(versionId: $versionId) {\n      versionId invocations p95LatencyMs errorRate syncRuns syncReliability errorBudgetBurn installs activeInstalls\n      meets { p95Latency errorRate syncReliability }\n    }\n  }\n"): typeof import('./graphql').VersionSloDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PluginVersion($id: ID!) {\n    pluginVersion(id: $id) {\n      id pluginId version state trustLevel changelog scopes hosts createdAt certifiedAt deprecatedAt deprecationMessage sunsetAt retiredAt securityCritical requiresReconsent compatibility\n      analytics { installs activeInstalls }\n      certification { id status startedAt finishedAt decisionNotes gates { gate status result logs durationMs } }\n      listing {\n        id name\n        versions(first: 20) { edges { node { id version state analytics { installs activeInstalls } } } }\n      }\n    }\n  }\n"): typeof import('./graphql').PluginVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitVersion($versionId: ID!) {\n    submitVersion(versionId: $versionId) { certificationStarted version { id state } }\n  }\n"): typeof import('./graphql').SubmitVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionCsrf {\n    viewer { csrfToken }\n  }\n"): typeof import('./graphql').SessionCsrfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InstallListing($id: ID!) {\n    listing(id: $id) { id name authType scopes hosts latestVersion { id version } }\n  }\n"): typeof import('./graphql').InstallListingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InstallPlugin($workspaceId: ID!, $pluginId: ID!) {\n    installPlugin(workspaceId: $workspaceId, pluginId: $pluginId) { id }\n  }\n"): typeof import('./graphql').InstallPluginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InstallationWizard($id: ID!) {\n    installation(id: $id) {\n      id state settings settingsSchema consentedScopes\n      listing { id name authType }\n      version { id version manifest }\n      connection { id state grantedScopes }\n    }\n  }\n"): typeof import('./graphql').InstallationWizardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartOAuth($installationId: ID!, $returnTo: String) {\n    startOAuth(installationId: $installationId, returnTo: $returnTo) { url }\n  }\n"): typeof import('./graphql').StartOAuthDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectApiKey($installationId: ID!, $values: JSON!) {\n    connectWithApiKey(installationId: $installationId, values: $values) { id }\n  }\n"): typeof import('./graphql').ConnectApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectBasic($installationId: ID!, $username: String!, $password: String!) {\n    connectWithBasicAuth(installationId: $installationId, username: $username, password: $password) { id }\n  }\n"): typeof import('./graphql').ConnectBasicDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigureInstallation($id: ID!, $settings: JSON!) {\n    configureInstallation(id: $id, settings: $settings) { id settings }\n  }\n"): typeof import('./graphql').ConfigureInstallationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestConnection($installationId: ID!) {\n    testConnection(installationId: $installationId) { ok account message code }\n  }\n"): typeof import('./graphql').TestConnectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableInstallation($id: ID!) {\n    enableInstallation(id: $id) { id state }\n  }\n"): typeof import('./graphql').EnableInstallationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Installation($id: ID!) {\n    installation(id: $id) {\n      id state stateReason settings settingsSchema consentedScopes consentedHosts pinnedMajor createdAt\n      listing { id name authType }\n      version { id version state deprecationMessage sunsetAt }\n      previousVersion { id version }\n      connection { id state provider grantedScopes lastError metadata updatedAt }\n      upgrades { id version scopes hosts changelog }\n    }\n  }\n"): typeof import('./graphql').InstallationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Reconnect($installationId: ID!, $returnTo: String) {\n    startOAuth(installationId: $installationId, returnTo: $returnTo) { url }\n  }\n"): typeof import('./graphql').ReconnectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableInstallation($id: ID!) {\n    disableInstallation(id: $id) { id state }\n  }\n"): typeof import('./graphql').DisableInstallationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeInstallation($id: ID!) {\n    enableInstallation(id: $id) { id state }\n  }\n"): typeof import('./graphql').ResumeInstallationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UninstallInstallation($id: ID!) {\n    uninstallInstallation(id: $id) { id state }\n  }\n"): typeof import('./graphql').UninstallInstallationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveSettings($id: ID!, $settings: JSON!) {\n    configureInstallation(id: $id, settings: $settings) { id settings }\n  }\n"): typeof import('./graphql').SaveSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Installations($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      id name\n      installations(first: 100) {\n        edges {\n          node {\n            id state stateReason updatedAt\n            listing { id name iconUrl }\n            version { id version state sunsetAt }\n            upgrades { id version }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').InstallationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MigrationPlan($installationId: ID!, $targetVersionId: ID!) {\n    migrationPlan(installationId: $installationId, targetVersionId: $targetVersionId) {\n      fromVersion toVersion compatibility settingsBefore settingsAfter settingsChanges needsReconsent\n    }\n  }\n"): typeof import('./graphql').MigrationPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MigrateInstallation($id: ID!, $targetVersionId: ID!, $consent: Boolean) {\n    migrateInstallation(id: $id, targetVersionId: $targetVersionId, consent: $consent) { installation { id state version { version } } }\n  }\n"): typeof import('./graphql').MigrateInstallationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RollbackInstallation($id: ID!) {\n    rollbackInstallation(id: $id) { id version { version } }\n  }\n"): typeof import('./graphql').RollbackInstallationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InstallationRuns($id: ID!) {\n    installation(id: $id) {\n      id\n      runs(first: 50) { edges { node { id kind name status attempt errorCode errorMessage startedAt finishedAt } } }\n    }\n  }\n"): typeof import('./graphql').InstallationRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunLogs($id: ID!) {\n    run(id: $id) { id input output steps logs(first: 100) { edges { node { at level message data } } } }\n  }\n"): typeof import('./graphql').RunLogsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Listing($id: ID!) {\n    listing(id: $id) {\n      id name description kind categories iconUrl authType trustLevel certification installCount rating ratingCount scopes hosts\n      publisher { name verified website }\n      latestVersion { id version state deprecationMessage sunsetAt }\n      versions(first: 20) {\n        edges { node { id version state trustLevel changelog createdAt certifiedAt deprecatedAt deprecationMessage sunsetAt securityCritical } }\n      }\n      reviews(first: 20) {\n        edges { node { id rating body authorName createdAt } }\n      }\n    }\n  }\n"): typeof import('./graphql').ListingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewPlugin($pluginId: ID!, $rating: Int!, $body: String) {\n    reviewPlugin(pluginId: $pluginId, rating: $rating, body: $body) { id }\n  }\n"): typeof import('./graphql').ReviewPluginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Marketplace($search: String, $filter: ListingFilter, $sort: ListingSort, $after: String) {\n    marketplace(search: $search, filter: $filter, sort: $sort, first: 24, after: $after) {\n      edges {\n        node {\n          id name description kind categories iconUrl authType trustLevel certification installCount rating ratingCount\n          publisher { name verified }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').MarketplaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Categories {\n    categories\n  }\n"): typeof import('./graphql').CategoriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($unreadOnly: Boolean) {\n    viewer { notifications(unreadOnly: $unreadOnly, first: 50) { edges { node { id kind title body link readAt createdAt } } } }\n  }\n"): typeof import('./graphql').NotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"): typeof import('./graphql').MarkNotificationsReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerProgramTermsForCalculator($id: ID!) {\n    partner(id: $id) {\n      id\n      programTerms {\n        agencyTiers { tier commissionBps }\n        referralBountyCents\n        referralProfessionalBps\n        referralProfessionalMonths\n        referralStrategicBps\n      }\n    }\n  }\n"): typeof import('./graphql').PartnerProgramTermsForCalculatorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerDashboard($id: ID!) {\n    partner(id: $id) {\n      id\n      name\n      agencyTier\n      dashboard {\n        revenueGeneratedCents\n        customersManaged\n        customersReferred\n        commissionEarnedCents\n        trainingCompleted\n        trainingTotal\n        revenueTrend { period amountCents }\n        commissionTrend { period amountCents }\n        leaderboardRank\n        openSupportTickets\n        supportTicketsTotal\n      }\n      clients { id workspaceId grantedAt }\n      attributions { workspaceId attributedAt }\n      scorecards { period total level }\n    }\n  }\n"): typeof import('./graphql').PartnerDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterDeal($partnerId: ID!, $input: DealInput!) {\n    registerDeal(partnerId: $partnerId, input: $input) { id customerDomain customerName amountCents state protectedUntil note }\n  }\n"): typeof import('./graphql').RegisterDealDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerProgramTermsForDeals($id: ID!) {\n    partner(id: $id) { id programTerms { dealAutoApproveBelowCents dealProtectionDays } }\n  }\n"): typeof import('./graphql').PartnerProgramTermsForDealsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerDeals($id: ID!) {\n    partner(id: $id) {\n      id\n      deals { id customerDomain customerName amountCents state submittedAt decidedAt protectedUntil note }\n    }\n  }\n"): typeof import('./graphql').PartnerDealsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerProgramTermsForMdf($id: ID!) {\n    partner(id: $id) { id programTerms { mdfCategories { category weightBps activities } mdfReviewBusinessDays mdfReimbursementDays } }\n  }\n"): typeof import('./graphql').PartnerProgramTermsForMdfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitMdfClaim($partnerId: ID!, $input: MdfClaimInput!) {\n    submitMdfClaim(partnerId: $partnerId, input: $input) { id state reviewDueAt }\n  }\n"): typeof import('./graphql').SubmitMdfClaimDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerMdf($id: ID!) {\n    partner(id: $id) {\n      id\n      mdfAccruals { quarter revenueCents rateBps amountCents }\n      mdfClaims { id quarter category activity description amountCents state submittedAt reviewDueAt reviewOverdue reimbursementDueAt reimbursedAt }\n      mdfRoi { spendCents revenueCents roi target meetsTarget }\n    }\n  }\n"): typeof import('./graphql').PartnerMdfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteMdfClaim($id: ID!, $results: MdfResultsInput!) {\n    completeMdfClaim(id: $id, results: $results) { id state reimbursementDueAt }\n  }\n"): typeof import('./graphql').CompleteMdfClaimDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPartners {\n    myPartners { id name slug kind agencyTier referralTier }\n  }\n"): typeof import('./graphql').MyPartnersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerStatements($id: ID!) {\n    partner(id: $id) {\n      id\n      statements {\n        id\n        period\n        commissionCents\n        adjustmentCents\n        totalCents\n        computedAt\n        lines { externalId type rule basisCents rateBps amountCents occurredAt }\n        adjustments { id amountCents reason }\n      }\n      scorecards { period revenue activity enablement relationship total level computedAt }\n    }\n  }\n"): typeof import('./graphql').PartnerStatementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerStatementCsv($id: ID!, $period: String!) {\n    partner(id: $id) { id statement(period: $period) { period csv } }\n  }\n"): typeof import('./graphql').PartnerStatementCsvDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerReferrals($id: ID!) {\n    partner(id: $id) {\n      id\n      referralTier\n      referralCodes { id code link createdAt }\n      attributions { workspaceId touchedAt attributedAt }\n    }\n  }\n"): typeof import('./graphql').PartnerReferralsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateReferralCode($partnerId: ID!) {\n    createReferralCode(partnerId: $partnerId) { id code link createdAt }\n  }\n"): typeof import('./graphql').CreateReferralCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerSupportTickets($id: ID!) {\n    partner(id: $id) {\n      id\n      supportTickets { id subject body status answer createdAt closedAt }\n    }\n  }\n"): typeof import('./graphql').PartnerSupportTicketsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClosePartnerSupportTicket($id: ID!) {\n    closePartnerSupportTicket(id: $id) { id status closedAt }\n  }\n"): typeof import('./graphql').ClosePartnerSupportTicketDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenPartnerSupportTicket($partnerId: ID!, $subject: String!, $body: String!) {\n    openPartnerSupportTicket(partnerId: $partnerId, subject: $subject, body: $body) { id status }\n  }\n"): typeof import('./graphql').OpenPartnerSupportTicketDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitAssessment($partnerId: ID!, $moduleId: ID!, $answers: [Int!]!) {\n    submitAssessment(partnerId: $partnerId, moduleId: $moduleId, answers: $answers) {\n      correct\n      total\n      scoreBps\n      passed\n      certificate { id expiresAt }\n    }\n  }\n"): typeof import('./graphql').SubmitAssessmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestTierReview($partnerId: ID!, $tier: AgencyTier!) {\n    requestTierReview(partnerId: $partnerId, tier: $tier) { id tier state eligible }\n  }\n"): typeof import('./graphql').RequestTierReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerTraining($id: ID!) {\n    trainingModules { id slug title track durationMinutes questions { prompt choices } }\n    partner(id: $id) {\n      id\n      agencyTier\n      certificates { id moduleId userId scoreBps issuedAt expiresAt expired }\n      tierEligibility { tier eligible requirements { requirement required actual met } }\n      tierReviews { id tier state requestedAt decidedAt note }\n    }\n  }\n"): typeof import('./graphql').PartnerTrainingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditLogFilter, $after: String) {\n    auditLog(filter: $filter, first: 50, after: $after) {\n      edges { node { id at actorUserId action targetType targetId workspaceId reason data } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').AuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewQueue {\n    reviewQueue(first: 50) {\n      edges {\n        node {\n          id version pluginId state changelog scopes hosts createdAt requiresReconsent compatibility\n          listing { id name publisher { name verified } }\n          certification { id status startedAt finishedAt decisionNotes gates { gate status result logs durationMs } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ReviewQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CertifyVersion($versionId: ID!, $notes: String!) {\n    certifyVersion(versionId: $versionId, notes: $notes) { version { id state } deprecatedByPolicy autoUpdated awaitingConsent }\n  }\n"): typeof import('./graphql').CertifyVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectVersion($versionId: ID!, $notes: String!) {\n    rejectVersion(versionId: $versionId, notes: $notes) { id state }\n  }\n"): typeof import('./graphql').RejectVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CertifiedVersions($id: ID!) {\n    listing(id: $id) { id name versions(first: 20) { edges { node { id version state sunsetAt } } } }\n  }\n"): typeof import('./graphql').CertifiedVersionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListingIds {\n    marketplace(first: 100, sort: NEWEST) { edges { node { id name } } }\n  }\n"): typeof import('./graphql').ListingIdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      user { id email name }\n      platformRole\n      workspaces { role workspace { id name slug } }\n      publishers { role publisher { id name slug } }\n    }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { csrfToken user { id } }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DemoLogin($role: DemoRole!) {\n    demoLogin(role: $role) { csrfToken user { id } }\n  }\n"): typeof import('./graphql').DemoLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoiIntegrations {\n    marketplace(first: 100, sort: POPULARITY) { edges { node { id name } } }\n  }\n"): typeof import('./graphql').RoiIntegrationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationRoi($pluginId: ID!) {\n    integrationRoi(pluginId: $pluginId) {\n      pluginId roi paybackMonths\n      costs { development maintenance support infrastructure total }\n      revenue { newCustomers retentionImpact upsellOpportunity total }\n      inputs { apiCalls attributedSignups }\n    }\n  }\n"): typeof import('./graphql').IntegrationRoiDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageInstallations($workspaceId: ID!) {\n    workspace(id: $workspaceId) { id name installations(first: 100) { edges { node { id state listing { name } } } } }\n  }\n"): typeof import('./graphql').UsageInstallationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageReport($dimension: UsageDimension!, $id: ID!, $from: DateTime, $to: DateTime, $after: String) {\n    usage(dimension: $dimension, id: $id, bucket: DAY, from: $from, to: $to) {\n      totals { metric count sumDurationMs valueCents }\n      series(first: 100, after: $after) {\n        edges { node { bucketStart metric count sumDurationMs valueCents } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql').UsageReportDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
