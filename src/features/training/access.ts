/** Who may use training's routes and pages beyond their own training, and where the API's documentation lists them. */
import type { Access } from '../accounts/server.ts';

export const TRAINERS = { permission: { training: ['assign'] }, refusal: 'Only managers and admins assign training.' } satisfies Access;
export const TRAINING_TAGS = ['Training'];
export const REPORT_TAGS = ['Training reports (managers)'];
