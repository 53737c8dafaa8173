/**
 * The database's tables as Kysely sees them: better-auth's (user, session, account,
 * verification; camelCase columns, as better-auth writes them) and Knowhow's own (snake_case).
 * Dates in Knowhow's tables are ISO-8601 text, so SQLite and PostgreSQL store them alike.
 */
import type { Generated } from 'kysely';

/** SQLite gives booleans back as 0/1 and dates as text; PostgreSQL as booleans and Dates. */
export type DbBoolean = boolean | number;
export type DbDate = Date | string;

export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: DbBoolean;
  image: string | null;
  createdAt: DbDate;
  updatedAt: DbDate;
  role: string | null;
  banned: DbBoolean | null;
  banReason: string | null;
  banExpires: DbDate | null;
  team: string | null;
  mustChangePassword: DbBoolean | null;
  /** The interface language the person chose, or null for the handbook's (migration 2026-11-30-user-language). */
  language: string | null;
}

export interface SessionTable {
  id: string;
  userId: string;
  token: string;
  expiresAt: DbDate;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: DbDate;
  updatedAt: DbDate;
}

export interface AccountTable {
  id: string;
  userId: string;
  accountId: string;
  providerId: string;
  password: string | null;
  createdAt: DbDate;
  updatedAt: DbDate;
}

export interface UserJobRoleTable {
  user_id: string;
  job_role: string;
  /** When the person got the role: training due dates count from it. */
  granted_at: string;
}

export interface UserOwnerHandleTable {
  user_id: string;
  handle: string;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  type: string;
  /** Who did it: a user id, or null for the command line and the system. */
  actor_id: string | null;
  actor_email: string | null;
  /** Whom it concerns. */
  subject_id: string | null;
  subject_email: string | null;
  client_address: string | null;
  /** JSON: what changed, e.g. {"role":{"from":"member","to":"manager"}}. */
  detail: string;
}

export interface RateLimitBucketTable {
  key: string;
  /** Start of the current window, in milliseconds since the epoch. */
  window_start: number | string;
  count: number;
}

export interface TrainingAssignmentTable {
  id: string;
  module: string;
  /** One of user_id and team is set: a person, or everyone in a team. */
  user_id: string | null;
  team: string | null;
  /** YYYY-MM-DD, or null: the module's dueWithinDays from assigned_at. */
  due_on: string | null;
  assigned_by: string | null;
  assigned_at: string;
}

export interface LessonCompletionTable {
  user_id: string;
  module: string;
  lesson: string;
  lesson_version: string;
  completed_at: string;
}

export interface QuizAttemptTable {
  id: string;
  user_id: string;
  module: string;
  /** 1 for the first attempt since the last retake, and so on. */
  number: number;
  quiz_version: string;
  /**
   * The language the questions were shown in: the quiz's own or a translation's. Null: the
   * quiz's own (attempts from before quizzes could be translated; migration 2026-12-01-quiz-attempt-language).
   */
  lang: string | null;
  /** JSON: the questions drawn, in order, each with its choices in the order shown. */
  questions: string;
  /** JSON: question id -> chosen choice ids; null until submitted. */
  answers: string | null;
  /** JSON: question id -> 0..1 marks; null until submitted. */
  marks: string | null;
  score: number | null;
  passed: DbBoolean | null;
  idempotency_key: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface ModuleCompletionTable {
  id: string;
  user_id: string;
  module: string;
  module_version: string;
  quiz_version: string | null;
  attempt_id: string | null;
  score: number | null;
  completed_at: string;
}

export interface RetakeRequestTable {
  id: string;
  user_id: string;
  module: string;
  due_on: string | null;
  requested_by: string | null;
  requested_at: string;
}

/** Search questions that found nothing or that nobody opened, per day: no identity of any kind. */
export interface SearchGapTable {
  /** Normalised (features/search/question.ts). */
  question: string;
  /** YYYY-MM-DD in the site's time zone. */
  day: string;
  searches: number;
  no_results: number;
  not_opened: number;
  /** URL of the section whose page came closest (the best server search hit), if any. */
  section: string | null;
}

/** Who counted for a question on a day (search-gaps/gaps.ts): a keyed hash, never the reader. */
export interface SearchGapAskerTable {
  day: string;
  asker: string;
}

export interface PageFeedbackTable {
  id: string;
  page_url: string;
  /** The page's version (its source hash) when the feedback was given. */
  page_version: string;
  helpful: DbBoolean;
  comment: string | null;
  /** YYYY-MM-DD in the site's time zone, when it was given (or last changed). */
  day: string;
  created_at: string;
  updated_at: string;
  /** Only for signed-in people; never shown in reports. */
  user_id: string | null;
  /**
   * Who voted, to keep one vote per reader and page version: "person:<user id>", or
   * "address:<keyed hash of the address's network and the day>". Never shown in reports; null
   * on votes given before readers were told apart.
   */
  reader: string | null;
}

/** One person's acknowledgement of one version of a page; never changed or removed. */
export interface AcknowledgementTable {
  id: string;
  user_id: string;
  page_url: string;
  /** The page's file when it was acknowledged, for auditors. */
  page_file: string;
  version: string;
  /** The exact wording acknowledged: the text_hash of its page_version row. */
  text_hash: string;
  /** The language of the translation read, which counts for the original's version; null: the original. */
  read_in: string | null;
  acknowledged_at: string;
}

/** The text of a page to acknowledge, as each build had it: "what changed since you signed". */
export interface PageVersionTable {
  page_url: string;
  text_hash: string;
  version: string;
  text: string;
  first_seen_at: string;
}

export interface Database {
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
  user_job_role: UserJobRoleTable;
  user_owner_handle: UserOwnerHandleTable;
  audit_event: AuditEventTable;
  rate_limit_bucket: RateLimitBucketTable;
  training_assignment: TrainingAssignmentTable;
  lesson_completion: LessonCompletionTable;
  quiz_attempt: QuizAttemptTable;
  module_completion: ModuleCompletionTable;
  retake_request: RetakeRequestTable;
  search_gap: SearchGapTable;
  search_gap_asker: SearchGapAskerTable;
  page_feedback: PageFeedbackTable;
  acknowledgement: AcknowledgementTable;
  page_version: PageVersionTable;
  api_key: ApiKeyTable;
}

/** Keys for services (migration 2026-12-08-api-keys); the key itself is never stored, only its hash. */
export interface ApiKeyTable {
  id: string;
  name: string;
  /** Comma-separated: read, reports. */
  scopes: string;
  /** SHA-256 of the whole key, hex. */
  hash: string;
  /** The key's first characters, shown to tell keys apart. */
  start: string;
  created_at: string;
  created_by_id: string | null;
  created_by_email: string | null;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by_email: string | null;
}
