/**
 * Everyday words for what handbooks name formally, in English: people ask about "days off" and
 * "the all hands", the page says "paid time off" and "company meeting". Both search paths use
 * these groups after the site's own (`synonyms` in knowhow.yaml), for English pages only, unless
 * the site sets `builtInSynonyms: false`.
 *
 * A group holds words and phrases that mean the same in a workplace or a support team, not
 * merely related ones: every member of a group the question names is searched too, at a lower
 * weight, and a page that has a whole member counts as answering the words it stands in for.
 * Phrases match whole words in order, without stemming; a plural s is ignored (query.ts).
 */
import type { Settings } from '../content/index.ts';
import type { SearchLanguage } from './lunr-languages.ts';

const ENGLISH: string[][] = [
  // Time off and leave
  ['time off', 'days off', 'pto', 'paid time off', 'vacation', 'holiday allowance', 'annual leave'],
  ['public holiday', 'bank holiday', 'national holiday'],
  ['sick leave', 'sick day', 'sick time', 'illness'],
  ['parental leave', 'maternity leave', 'paternity leave', 'family leave'],
  ['leave of absence', 'loa', 'extended leave', 'medical leave'],
  ['bereavement', 'bereavement leave', 'compassionate leave', 'funeral'],
  ['ooo', 'out of office'],
  // Pay, benefits and expenses
  ['salary', 'salaries', 'wage', 'compensation'],
  ['payday', 'pay day', 'payroll', 'pay date'],
  ['raise', 'pay rise', 'pay raise', 'salary increase', 'pay increase'],
  ['bonus', 'bonuses', 'incentive'],
  ['401k', '401 k', 'pension', 'retirement plan', 'retirement savings'],
  ['stock options', 'equity', 'rsus'],
  ['health insurance', 'medical insurance', 'health plan', 'health benefits', 'medical benefits'],
  ['therapy', 'therapist', 'counselling', 'counseling', 'mental health'],
  ['gym', 'fitness'],
  ['wellness', 'wellbeing', 'well being'],
  ['childcare', 'child care', 'babysitter', 'babysitting', 'nanny', 'dependent care'],
  ['ivf', 'fertility', 'family planning', 'egg freezing'],
  ['expenses', 'reimbursement', 'reimburse', 'expense claim', 'expense report'],
  ['per diem', 'daily allowance', 'meal allowance'],
  ['stipend', 'allowance'],
  ['invoice', 'bill'],
  ['business trip', 'work trip'],
  ['offsite', 'off site', 'retreat', 'team offsite'],
  // Equipment, accounts and access
  ['laptop', 'computer', 'macbook', 'notebook'],
  ['monitor', 'screen', 'display'],
  ['phone', 'mobile', 'cell phone', 'mobile phone', 'smartphone'],
  ['password', 'passphrase', 'credentials'],
  ['2fa', 'mfa', 'two factor', 'multi factor', 'two factor authentication', 'multi factor authentication'],
  ['log in', 'login', 'sign in', 'signin'],
  ['log out', 'logout', 'sign out'],
  ['sign up', 'signup', 'register', 'create an account'],
  ['access request', 'request access', 'permissions', 'access rights'],
  ['vpn', 'virtual private network'],
  ['wifi', 'wi fi', 'wireless'],
  // Meetings, teams and people
  ['all hands', 'all hands meeting', 'company meeting', 'town hall', 'company all hands'],
  ['one on one', '1 1', '1 on 1', 'one to one', '1 to 1'],
  ['standup', 'stand up', 'daily standup', 'daily sync'],
  ['manager', 'boss', 'supervisor', 'line manager', 'team lead'],
  ['executive assistant', 'ea', 'eas', 'executive business partner'],
  ['ceo', 'chief executive'],
  ['hr', 'human resources', 'people team', 'people ops', 'people operations'],
  ['it support', 'tech ops', 'helpdesk', 'help desk', 'it helpdesk', 'service desk'],
  ['coworker', 'co worker', 'colleague', 'teammate'],
  ['org chart', 'organization chart', 'organisation chart', 'team structure', 'reporting line'],
  ['where teammates live', 'team locations', 'locations', 'time zones', 'timezones'],
  ['onboarding', 'first day', 'first week', 'new hire', 'new starter', 'new joiner'],
  ['offboarding', 'leaving', 'resign', 'resignation', 'quit', 'quitting', 'last day', 'notice period'],
  ['fired', 'termination', 'terminated', 'dismissal', 'let go'],
  ['promotion', 'promoted', 'career ladder', 'leveling', 'levelling', 'career framework'],
  ['performance review', 'appraisal', 'impact review', 'review cycle'],
  ['kudos', 'recognition', 'shout out', 'shoutout'],
  ['referral', 'refer a friend', 'recommend a friend', 'employee referral'],
  ['hiring', 'recruiting', 'recruitment'],
  ['switch teams', 'switching teams', 'change teams', 'internal transfer', 'move teams', 'different team'],
  ['relocate', 'relocation', 'move country', 'moving abroad', 'move abroad'],
  ['work from home', 'wfh', 'remote work', 'working remotely'],
  ['work abroad', 'digital nomad', 'nomad', 'work from another country', 'working abroad'],
  ['side job', 'side project', 'freelance', 'freelancing', 'moonlighting', 'second job', 'outside employment'],
  ['name change', 'change my name', 'changing my name', 'new name', 'legal name', 'last name'],
  ['proof of employment', 'employment verification', 'employment letter', 'verify employment', 'reference letter'],
  ['contractor', 'freelancer', 'consultant', 'eor', 'employer of record'],
  // Conduct and policies
  ['harassment', 'bullying', 'discrimination', 'respectful workplace'],
  ['whistleblower', 'whistleblowing', 'ethics hotline', 'report misconduct', 'anonymous report', 'speak up'],
  ['conflict of interest'],
  ['gift'],
  ['nda', 'non disclosure agreement', 'confidentiality agreement'],
  ['gdpr', 'data protection', 'privacy'],
  ['delete', 'remove', 'erase', 'deletion', 'removal'],
  ['glossary', 'jargon', 'acronyms', 'terminology'],
  // Engineering and operations
  ['pr', 'prs', 'pull request', 'merge request', 'code review'],
  ['on call', 'oncall', 'on call rotation', 'pager', 'paged', 'pagerduty'],
  ['incident', 'outage', 'downtime', 'is down', 'site down'],
  ['postmortem', 'post mortem', 'retrospective', 'retro', 'incident review'],
  ['deploy', 'deployment'],
  ['bug', 'defect'],
  ['colour', 'color'],
  ['logo', 'brand mark'],
  ['screenshot', 'screen capture', 'screen grab'],
  // Customers and support
  ['customer', 'client'],
  ['refund', 'money back', 'reimburse the customer'],
  ['cancel', 'cancellation', 'cancel contract', 'terminate contract', 'end contract'],
  ['complaint', 'grievance', 'unhappy customer', 'angry customer'],
  ['escalate', 'escalation', 'hand over', 'handoff', 'hand off'],
  ['chargeback', 'disputed payment', 'payment dispute'],
  ['discount', 'price reduction', 'special pricing'],
  ['quote', 'pricing', 'price'],
  ['renewal', 'renew', 'contract renewal'],
  ['ticket', 'support request'],
  ['sla', 'response time', 'service level'],
  ['broadband', 'internet', 'home internet'],
  ['router', 'modem', 'hub'],
];

const BUILT_IN: Partial<Record<SearchLanguage, string[][]>> = { en: ENGLISH };

/**
 * The site's synonym groups, then the built-in ones of the language unless the site turns them
 * off (`builtInSynonyms: false` in knowhow.yaml; a manifest from before the setting has none).
 */
export function synonymsFor(
  language: SearchLanguage,
  { synonyms, builtInSynonyms = true }: Pick<Settings, 'synonyms'> & Partial<Pick<Settings, 'builtInSynonyms'>>,
): string[][] {
  return [...synonyms.map((group) => [...group]), ...(builtInSynonyms ? (BUILT_IN[language] ?? []) : [])];
}
