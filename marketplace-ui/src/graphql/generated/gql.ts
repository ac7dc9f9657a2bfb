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
    "\n  query InstallListing($id: ID!) {\n    listing(id: $id) { id name authType scopes hosts latestVersion { id version } }\n  }\n": typeof types.InstallListingDocument,
    "\n  mutation InstallPlugin($workspaceId: ID!, $pluginId: ID!) {\n    installPlugin(workspaceId: $workspaceId, pluginId: $pluginId) { id }\n  }\n": typeof types.InstallPluginDocument,
    "\n  query InstallationWizard($id: ID!) {\n    installation(id: $id) {\n      id state settings settingsSchema consentedScopes\n      listing { id name authType }\n      version { id version manifest }\n      connection { id state grantedScopes }\n    }\n  }\n": typeof types.InstallationWizardDocument,
    "\n  mutation StartOAuth($installationId: ID!, $returnTo: String) {\n    startOAuth(installationId: $installationId, returnTo: $returnTo) { url }\n  }\n": typeof types.StartOAuthDocument,
    "\n  mutation ConnectApiKey($installationId: ID!, $values: JSON!) {\n    connectWithApiKey(installationId: $installationId, values: $values) { id }\n  }\n": typeof types.ConnectApiKeyDocument,
    "\n  mutation ConnectBasic($installationId: ID!, $username: String!, $password: String!) {\n    connectWithBasicAuth(installationId: $installationId, username: $username, password: $password) { id }\n  }\n": typeof types.ConnectBasicDocument,
    "\n  mutation ConfigureInstallation($id: ID!, $settings: JSON!) {\n    configureInstallation(id: $id, settings: $settings) { id settings }\n  }\n": typeof types.ConfigureInstallationDocument,
    "\n  mutation TestConnection($installationId: ID!) {\n    testConnection(installationId: $installationId) { ok account message code }\n  }\n": typeof types.TestConnectionDocument,
    "\n  mutation EnableInstallation($id: ID!) {\n    enableInstallation(id: $id) { id state }\n  }\n": typeof types.EnableInstallationDocument,
    "\n  query Listing($id: ID!) {\n    listing(id: $id) {\n      id name description kind categories icon authType trustLevel certification installCount rating ratingCount scopes hosts\n      publisher { name verified website }\n      latestVersion { id version state deprecationMessage sunsetAt }\n      versions(first: 20) {\n        edges { node { id version state trustLevel changelog createdAt certifiedAt deprecatedAt deprecationMessage sunsetAt securityCritical } }\n      }\n      reviews(first: 20) {\n        edges { node { id rating body authorName createdAt } }\n      }\n    }\n  }\n": typeof types.ListingDocument,
    "\n  mutation ReviewPlugin($pluginId: ID!, $rating: Int!, $body: String) {\n    reviewPlugin(pluginId: $pluginId, rating: $rating, body: $body) { id }\n  }\n": typeof types.ReviewPluginDocument,
    "\n  query Marketplace($search: String, $filter: ListingFilter, $sort: ListingSort, $after: String) {\n    marketplace(search: $search, filter: $filter, sort: $sort, first: 24, after: $after) {\n      edges {\n        node {\n          id name description kind categories icon authType trustLevel certification installCount rating ratingCount\n          publisher { name verified }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.MarketplaceDocument,
    "\n  query Categories {\n    categories\n  }\n": typeof types.CategoriesDocument,
    "\n  query Viewer {\n    viewer {\n      user { id email name }\n      platformRole\n      workspaces { role workspace { id name slug } }\n      publishers { role publisher { id name slug } }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { csrfToken user { id } }\n  }\n": typeof types.LoginDocument,
    "\n  mutation DemoLogin($role: DemoRole!) {\n    demoLogin(role: $role) { csrfToken user { id } }\n  }\n": typeof types.DemoLoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
};
const documents: Documents = {
    "\n  query UnreadNotifications {\n    viewer { notifications(unreadOnly: true, first: 50) { edges { node { id } } } }\n  }\n": types.UnreadNotificationsDocument,
    "\n  query InstallListing($id: ID!) {\n    listing(id: $id) { id name authType scopes hosts latestVersion { id version } }\n  }\n": types.InstallListingDocument,
    "\n  mutation InstallPlugin($workspaceId: ID!, $pluginId: ID!) {\n    installPlugin(workspaceId: $workspaceId, pluginId: $pluginId) { id }\n  }\n": types.InstallPluginDocument,
    "\n  query InstallationWizard($id: ID!) {\n    installation(id: $id) {\n      id state settings settingsSchema consentedScopes\n      listing { id name authType }\n      version { id version manifest }\n      connection { id state grantedScopes }\n    }\n  }\n": types.InstallationWizardDocument,
    "\n  mutation StartOAuth($installationId: ID!, $returnTo: String) {\n    startOAuth(installationId: $installationId, returnTo: $returnTo) { url }\n  }\n": types.StartOAuthDocument,
    "\n  mutation ConnectApiKey($installationId: ID!, $values: JSON!) {\n    connectWithApiKey(installationId: $installationId, values: $values) { id }\n  }\n": types.ConnectApiKeyDocument,
    "\n  mutation ConnectBasic($installationId: ID!, $username: String!, $password: String!) {\n    connectWithBasicAuth(installationId: $installationId, username: $username, password: $password) { id }\n  }\n": types.ConnectBasicDocument,
    "\n  mutation ConfigureInstallation($id: ID!, $settings: JSON!) {\n    configureInstallation(id: $id, settings: $settings) { id settings }\n  }\n": types.ConfigureInstallationDocument,
    "\n  mutation TestConnection($installationId: ID!) {\n    testConnection(installationId: $installationId) { ok account message code }\n  }\n": types.TestConnectionDocument,
    "\n  mutation EnableInstallation($id: ID!) {\n    enableInstallation(id: $id) { id state }\n  }\n": types.EnableInstallationDocument,
    "\n  query Listing($id: ID!) {\n    listing(id: $id) {\n      id name description kind categories icon authType trustLevel certification installCount rating ratingCount scopes hosts\n      publisher { name verified website }\n      latestVersion { id version state deprecationMessage sunsetAt }\n      versions(first: 20) {\n        edges { node { id version state trustLevel changelog createdAt certifiedAt deprecatedAt deprecationMessage sunsetAt securityCritical } }\n      }\n      reviews(first: 20) {\n        edges { node { id rating body authorName createdAt } }\n      }\n    }\n  }\n": types.ListingDocument,
    "\n  mutation ReviewPlugin($pluginId: ID!, $rating: Int!, $body: String) {\n    reviewPlugin(pluginId: $pluginId, rating: $rating, body: $body) { id }\n  }\n": types.ReviewPluginDocument,
    "\n  query Marketplace($search: String, $filter: ListingFilter, $sort: ListingSort, $after: String) {\n    marketplace(search: $search, filter: $filter, sort: $sort, first: 24, after: $after) {\n      edges {\n        node {\n          id name description kind categories icon authType trustLevel certification installCount rating ratingCount\n          publisher { name verified }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.MarketplaceDocument,
    "\n  query Categories {\n    categories\n  }\n": types.CategoriesDocument,
    "\n  query Viewer {\n    viewer {\n      user { id email name }\n      platformRole\n      workspaces { role workspace { id name slug } }\n      publishers { role publisher { id name slug } }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { csrfToken user { id } }\n  }\n": types.LoginDocument,
    "\n  mutation DemoLogin($role: DemoRole!) {\n    demoLogin(role: $role) { csrfToken user { id } }\n  }\n": types.DemoLoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotifications {\n    viewer { notifications(unreadOnly: true, first: 50) { edges { node { id } } } }\n  }\n"): typeof import('./graphql').UnreadNotificationsDocument;
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
export function graphql(source: "\n  query Listing($id: ID!) {\n    listing(id: $id) {\n      id name description kind categories icon authType trustLevel certification installCount rating ratingCount scopes hosts\n      publisher { name verified website }\n      latestVersion { id version state deprecationMessage sunsetAt }\n      versions(first: 20) {\n        edges { node { id version state trustLevel changelog createdAt certifiedAt deprecatedAt deprecationMessage sunsetAt securityCritical } }\n      }\n      reviews(first: 20) {\n        edges { node { id rating body authorName createdAt } }\n      }\n    }\n  }\n"): typeof import('./graphql').ListingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewPlugin($pluginId: ID!, $rating: Int!, $body: String) {\n    reviewPlugin(pluginId: $pluginId, rating: $rating, body: $body) { id }\n  }\n"): typeof import('./graphql').ReviewPluginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Marketplace($search: String, $filter: ListingFilter, $sort: ListingSort, $after: String) {\n    marketplace(search: $search, filter: $filter, sort: $sort, first: 24, after: $after) {\n      edges {\n        node {\n          id name description kind categories icon authType trustLevel certification installCount rating ratingCount\n          publisher { name verified }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').MarketplaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Categories {\n    categories\n  }\n"): typeof import('./graphql').CategoriesDocument;
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


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
