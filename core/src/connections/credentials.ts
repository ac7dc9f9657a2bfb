/** The shapes of secrets a connection keeps, only ever stored through the vault. */

export interface OAuthCredentials {
  type: 'oauth2';
  accessToken: string;
  refreshToken?: string | undefined;
  tokenType: string;
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
