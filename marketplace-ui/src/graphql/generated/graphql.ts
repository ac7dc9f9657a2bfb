/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AuthType =
  | 'API_KEY'
  | 'BASIC'
  | 'NONE'
  | 'OAUTH2';

export type ConnectionState =
  | 'ACTIVE'
  | 'NEEDS_REAUTH'
  | 'REVOKED';

export type DemoRole =
  | 'ADMIN'
  | 'CUSTOMER'
  | 'DEVELOPER'
  | 'REVIEWER';

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

export type TrustLevel =
  | 'CERTIFIED'
  | 'COMMUNITY'
  | 'VERIFIED_PUBLISHER';

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

export type ListingQueryVariables = Exact<{
  id: string | number;
}>;


export type ListingQuery = { listing: { id: string, name: string, description: string, kind: PluginKind, categories: Array<string>, icon: string | null, authType: AuthType, trustLevel: TrustLevel, certification: VersionState, installCount: number, rating: number | null, ratingCount: number, scopes: Array<string>, hosts: Array<string>, publisher: { name: string, verified: boolean, website: string | null }, latestVersion: { id: string, version: string, state: VersionState, deprecationMessage: string | null, sunsetAt: string | null } | null, versions: { edges: Array<{ node: { id: string, version: string, state: VersionState, trustLevel: TrustLevel, changelog: string, createdAt: string, certifiedAt: string | null, deprecatedAt: string | null, deprecationMessage: string | null, sunsetAt: string | null, securityCritical: boolean } }> }, reviews: { edges: Array<{ node: { id: string, rating: number, body: string, authorName: string, createdAt: string } }> } } | null };

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


export type MarketplaceQuery = { marketplace: { edges: Array<{ node: { id: string, name: string, description: string, kind: PluginKind, categories: Array<string>, icon: string | null, authType: AuthType, trustLevel: TrustLevel, certification: VersionState, installCount: number, rating: number | null, ratingCount: number, publisher: { name: string, verified: boolean } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type CategoriesQuery = { categories: Array<string> };

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
export const ListingDocument = new TypedDocumentString(`
    query Listing($id: ID!) {
  listing(id: $id) {
    id
    name
    description
    kind
    categories
    icon
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
        icon
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