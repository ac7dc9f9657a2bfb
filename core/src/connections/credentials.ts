/** The shapes of secrets a connection keeps, only ever stored through the vault. */

export interface OAuthCredentials {
  type: 'oauth2';
  accessToken: string;
  refreshToken?: string | undefined;
  tokenType: string;
  /** How the token was obtained; client-credentials tokens are renewed by asking again. */
  grant?: 'authorization_code' | 'client_credentials';
  /** Scopes to ask for again when renewing a client-credentials token. */
  scopes?: string[];
}

export interface ApiKeyCredentials {
  type: 'api_key';
  values: Record<string, string>;
}

export interface BasicCredentials {
  type: 'basic';
  username: string;
  password: string;
}

export type Credentials = OAuthCredentials | ApiKeyCredentials | BasicCredentials;
