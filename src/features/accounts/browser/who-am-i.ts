/**
 * Who is signed in, asked once per page (GET /api/me) and shared by every script that shows
 * something personal on a prerendered page: the account menu, training progress, the
 * acknowledgement box, the reviews due. Null when nobody is: those scripts then ask nothing
 * more, so an anonymous reader's page makes no request that would fail.
 */
export interface Me {
  user: { name: string; mustChangePassword: boolean; ownerHandles: string[]; language: string | null };
  can: { manageUsers: boolean; viewReports: boolean };
  acknowledgementsDue: number;
}

let asked: Promise<Me | null> | undefined;

export function whoAmI(): Promise<Me | null> {
  asked ??= fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? (response.json() as Promise<{ user: Me['user'] | null }>) : null))
    .then((me) => (me?.user ? (me as Me) : null))
    .catch(() => null);
  return asked;
}
