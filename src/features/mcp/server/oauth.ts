/**
 * The person an OAuth access token stands for: a person who connected their own assistant and
 * signed in as themselves (the accounts feature is the authorization server). Null for a token
 * that is unknown, expired, revoked or made for another resource.
 */
import type { AppContext } from '../../../server/app.ts';
import type { SessionUser } from '../../accounts/server.ts';

export async function personForAccessToken(_app: AppContext, _token: string): Promise<SessionUser | null> {
  // This handbook does not issue access tokens for assistants yet: every token is refused.
  return null;
}
