/**
 * What managers and auditors see: who has not acknowledged the current version of which page
 * (filtered by team, job role, page and status), and every acknowledgement on record.
 */
import { selectUserRecords, toUserRecord } from '../../accounts/server.ts';
import { type AcknowledgementDeps, findPolicy, mustAcknowledge } from './acknowledgements.ts';

export const ACKNOWLEDGEMENT_STATUSES = ['acknowledged', 'outdated', 'missing'] as const;
export type AcknowledgementStatus = (typeof ACKNOWLEDGEMENT_STATUSES)[number];

export interface AcknowledgementFilter {
  team?: string | undefined;
  jobRole?: string | undefined;
  page?: string | undefined;
  /** 'pending': outdated or missing, everyone who still has to acknowledge. */
  status?: AcknowledgementStatus | 'pending' | undefined;
}

export interface AcknowledgementRow {
  person: { id: string; name: string; email: string; team: string | null; jobRoles: string[] };
  page: { url: string; title: string; version: string };
  /** acknowledged: the current version; outdated: an earlier one only; missing: none. */
  status: AcknowledgementStatus;
  acknowledgedVersion: string | null;
  acknowledgedAt: string | null;
}

export interface PageSummary {
  url: string;
  title: string;
  version: string;
  audience: string[];
  /** People who must acknowledge it (within the filter), and those who did, this version. */
  people: number;
  acknowledged: number;
}

/** Every active person who must acknowledge a page, against each such page: by page, then by name. */
export async function acknowledgementReport(
  deps: AcknowledgementDeps & { database: { kind: 'sqlite' | 'postgres' } },
  filter: AcknowledgementFilter,
): Promise<{ pages: PageSummary[]; rows: AcknowledgementRow[] }> {
  const pages = filter.page ? [findPolicy(deps.catalog, filter.page)] : deps.catalog.pages;
  let query = selectUserRecords(deps.db, deps.database.kind).where((eb) =>
    eb.or([eb('user.banned', 'is', null), eb('user.banned', '=', deps.database.kind === 'sqlite' ? 0 : false)]),
  );
  if (filter.team) query = query.where('user.team', '=', filter.team);
  const people = (await query.orderBy('user.name').orderBy('user.email').execute())
    .map(toUserRecord)
    .filter((person) => !filter.jobRole || person.jobRoles.includes(filter.jobRole));
  const records = await deps.db
    .selectFrom('acknowledgement')
    .select(['user_id', 'page_url', 'version', 'acknowledged_at'])
    .orderBy('acknowledged_at')
    .execute();
  // Per person and page: the current version's record if there is one, else the latest.
  const latest = new Map<string, (typeof records)[number]>();
  const current = new Map<string, (typeof records)[number]>();
  const versions = new Map(pages.map((page) => [page.url, page.version]));
  for (const record of records) {
    const key = `${record.user_id}\n${record.page_url}`;
    latest.set(key, record);
    if (versions.get(record.page_url) === record.version) current.set(key, record);
  }
  const rows: AcknowledgementRow[] = [];
  const summaries: PageSummary[] = [];
  for (const page of pages) {
    const summary: PageSummary = {
      url: page.url,
      title: page.title,
      version: page.version,
      audience: page.audience,
      people: 0,
      acknowledged: 0,
    };
    summaries.push(summary);
    for (const person of people) {
      if (!mustAcknowledge(page, person)) continue;
      const key = `${person.id}\n${page.url}`;
      const record = current.get(key) ?? latest.get(key);
      const status: AcknowledgementStatus = current.has(key) ? 'acknowledged' : record ? 'outdated' : 'missing';
      summary.people++;
      if (status === 'acknowledged') summary.acknowledged++;
      if (filter.status === 'pending' ? status === 'acknowledged' : filter.status && filter.status !== status) continue;
      rows.push({
        person: { id: person.id, name: person.name, email: person.email, team: person.team, jobRoles: person.jobRoles },
        page: { url: page.url, title: page.title, version: page.version },
        status,
        acknowledgedVersion: record?.version ?? null,
        acknowledgedAt: record?.acknowledged_at ?? null,
      });
    }
  }
  return { pages: summaries, rows };
}

export interface AcknowledgementRecord {
  name: string | null;
  email: string | null;
  userId: string;
  page: string;
  file: string;
  version: string;
  textHash: string;
  /** The language of the translation the person read and acknowledged; null: the original. */
  readIn: string | null;
  acknowledgedAt: string;
}

/** Every acknowledgement ever recorded, oldest first, of people since deactivated too: for auditors. */
export async function acknowledgementRecords({ db }: Pick<AcknowledgementDeps, 'db'>, page?: string): Promise<AcknowledgementRecord[]> {
  let query = db
    .selectFrom('acknowledgement')
    .leftJoin('user', 'user.id', 'acknowledgement.user_id')
    .select([
      'user.name',
      'user.email',
      'acknowledgement.user_id',
      'acknowledgement.page_url',
      'acknowledgement.page_file',
      'acknowledgement.version',
      'acknowledgement.text_hash',
      'acknowledgement.read_in',
      'acknowledgement.acknowledged_at',
    ])
    .orderBy('acknowledgement.acknowledged_at')
    .orderBy('acknowledgement.id');
  if (page) query = query.where('acknowledgement.page_url', '=', page);
  return (await query.execute()).map((row) => ({
    name: row.name,
    email: row.email,
    userId: row.user_id,
    page: row.page_url,
    file: row.page_file,
    version: row.version,
    textHash: row.text_hash,
    readIn: row.read_in,
    acknowledgedAt: row.acknowledged_at,
  }));
}
