/**
 * A newcomer trying the sample handbook gets in at once: on the first start with the sample
 * content (never in production, never for another content folder), four people of Kestrel
 * Connect's support team are created, one for each way of using Knowhow, and every start says
 * how to sign in as them.
 */
import type { AppContext } from '../../../server/app.ts';
import { createUser, findUserByEmail } from './users.ts';

export interface DemoPerson {
  email: string;
  name: string;
  role: 'admin' | 'manager' | 'member';
  jobRoles: string[];
  team: string | null;
  ownerHandles: string[];
  password: string;
  /** What signing in as them shows. */
  use: string;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    email: 'aoife.brennan@kestrel.example',
    name: 'Aoife Brennan',
    role: 'admin',
    jobRoles: ['team-lead'],
    team: 'Leeds operations',
    ownerHandles: ['@kestrel/cc-operations', 'Aoife Brennan (Head of Contact Centre, Leeds)'],
    password: 'demo-admin-kestrel',
    use: 'admin: manages people, reads the audit log',
  },
  {
    email: 'daniel.mensah@kestrel.example',
    name: 'Daniel Mensah',
    role: 'manager',
    jobRoles: ['team-lead', 'quality-coach'],
    team: 'Tier 1',
    ownerHandles: [],
    password: 'demo-manager-kestrel',
    use: 'manager: sees reports about the team',
  },
  {
    email: 'lena.fischer@kestrel.example',
    name: 'Lena Fischer',
    role: 'member',
    jobRoles: ['agent', 'new-hire'],
    team: 'Tier 1',
    ownerHandles: [],
    password: 'demo-agent-kestrel',
    use: 'new-hire agent: reads and trains',
  },
  {
    email: 'priya.natarajan@kestrel.example',
    name: 'Priya Natarajan',
    role: 'member',
    jobRoles: ['billing-specialist'],
    team: 'Billing support',
    ownerHandles: ['@kestrel/billing-ops', 'Billing Operations', 'Priya Natarajan (Head of Billing Support)'],
    password: 'demo-owner-kestrel',
    use: 'policy owner: answers for the billing pages',
  },
];

/** Creates the demo people the first time, then prints how to sign in as each of them. */
export async function ensureDemoPeople(app: AppContext, knownJobRoles: readonly string[], log: (line: string) => void): Promise<void> {
  const anyone = await app.db.selectFrom('user').select('id').limit(1).executeTakeFirst();
  if (!anyone) {
    for (const person of DEMO_PEOPLE) {
      await createUser(
        app,
        { user: null, via: 'demo people of the sample handbook' },
        { ...person, jobRoles: person.jobRoles.filter((role) => knownJobRoles.includes(role)) },
      );
    }
  }
  const present: DemoPerson[] = [];
  for (const person of DEMO_PEOPLE) if ((await findUserByEmail(app, person.email))?.status === 'active') present.push(person);
  if (present.length === 0) return;
  log('\nSample handbook: sign in as one of these demo people (made for trying Knowhow; never created in production):');
  for (const person of present) log(`  ${person.email.padEnd(34)} password ${person.password.padEnd(22)} ${person.use}`);
  log('  (a password changed since then stays changed)\n');
}
