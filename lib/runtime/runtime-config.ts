import type { ThemeSettings } from '../theme/theme-css';

/**
 * The part of the validated configuration (server/config.ts) that lib/ and
 * app/ use. Plain data: it can be handed as it is to another thread or
 * process (workerData, an environment variable), where it is registered with
 * the other runtime services (lib/runtime/services.ts).
 */
export type RuntimeConfig = {
  /** The address people open Samlet at (NEXTAUTH_URL): links in calendars, the session cookie's name. */
  publicUrl: string;
  /** Encrypts the session cookie (next-auth) and lets the Node server read it on websocket upgrades. */
  authSecret: string;
  /** Demo mode: the login page shows the demo logins. */
  demo: boolean;
  /** How long a login lasts, in seconds (absolute). */
  sessionMaxAgeSeconds: number;
  /** Months after a person's last conclusion before their cases are anonymised (0 = never). */
  retentionMonths: number;
  /** The municipality's OpenID Connect login, when configured. */
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | null;
  /** The installation's colour and logo (lib/theme/theme-css.ts). */
  theme: ThemeSettings;
  /** Who runs this installation (the accessibility statement names it). */
  organisation: string;
  /** The published accessibility statement (uustatus.no), when there is one. */
  accessibilityStatementUrl: string | null;
  /** The e-mail address for accessibility feedback, when the installation has one. */
  accessibilityContact: string | null;
};
