import type { Me } from '@gongshu/contracts';
import type { Permission } from '@gongshu/domain';
import { createContext } from 'react';

export interface AuthValue {
  /** The signed-in user, or null for an anonymous visitor. */
  readonly me: Me | null;
  /** True until the first /api/auth/me has answered. */
  readonly loading: boolean;
  readonly signIn: (username: string, password: string) => Promise<Me>;
  readonly signOut: () => Promise<void>;
  /** True after the user signed out in this tab: the login page then opens without ?next=. */
  readonly signedOut: boolean;
  /** Whether the user holds the permission (as the server computed it). */
  readonly can: (permission: Permission) => boolean;
}

export const AuthContext = createContext<AuthValue | null>(null);
