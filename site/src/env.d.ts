interface ImportMetaEnv {
  readonly PUBLIC_OIDC_ISSUER?: string;
  readonly PUBLIC_OIDC_CLIENT_ID?: string;
  readonly PUBLIC_OIDC_SCOPE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
