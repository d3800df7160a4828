import type { SessionUser } from '@app/shared';

declare global {
  namespace App {
    interface Locals {
      user: SessionUser | null;
      sessionToken: string | null;
    }
    interface Error {
      message: string;
      code?: string;
      requestId?: string;
    }
  }
}

export {};
