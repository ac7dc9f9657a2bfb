/**
 * Generated from schemas/oauth-provider.schema.json by `npm run schemas:generate` — do not edit.
 * A test fails when this file differs from what the generator produces.
 */
/* eslint-disable */

/**
 * An OAuth 2.0 authorization server the platform can connect customers' accounts to. Endpoint URLs may contain {param} placeholders filled from the connection's declared params.
 */
export interface OAuthProvider {
  id: string;
  name: string;
  docs?: string;
  /**
   * Issuer identifier, checked against the iss parameter of authorization responses (RFC 9207).
   */
  issuer?: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /**
   * RFC 7009 endpoint; absent when the provider has none.
   */
  revocationEndpoint?: string;
  /**
   * Values the customer supplies before authorizing, substituted into the endpoints, e.g. a Shopify shop domain.
   */
  params?: {
    name: string;
    pattern: string;
    description: string;
    default?: string;
  }[];
  scopeSeparator: ' ' | ',' | '+';
  defaultScopes?: string[];
  /**
   * What the server does with PKCE. The platform always sends S256.
   */
  pkce: 'required' | 'supported' | 'ignored';
  clientAuthentication: 'client_secret_basic' | 'client_secret_post';
  authorizationParams?: {
    [k: string]: string;
  };
  /**
   * Extra query parameters of the callback to keep on the connection, e.g. Intuit's realmId.
   */
  callbackParams?: string[];
  tokenResponse?: {
    /**
     * Lifetime to assume when the response carries no expires_in.
     */
    assumeExpiresInSeconds?: number;
    /**
     * Access tokens do not expire (e.g. Shopify offline tokens).
     */
    neverExpires?: boolean;
    /**
     * Non-secret token-response fields to keep, e.g. Salesforce instance_url.
     */
    extraFields?: string[];
  };
  /**
   * Responses from the provider's API that mean the access token has expired: a 401, or a provider-specific status and body.
   *
   * @minItems 1
   */
  expirySignals: [
    {
      status: number;
      bodyIncludes?: string;
    },
    ...{
      status: number;
      bodyIncludes?: string;
    }[]
  ];
  /**
   * The provider issues a new refresh token on each refresh and invalidates the old one.
   */
  refreshTokenRotation: boolean;
  /**
   * The server always returns iss in authorization responses (RFC 9207); a missing iss is then an error.
   */
  authorizationResponseIss?: boolean;
}
