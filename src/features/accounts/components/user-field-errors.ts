/**
 * Errors in the fields of a person (/admin/users/new/, /admin/users/{id}/), as the admin pages
 * show them. The schemas' messages are English (the API and the command line say the same);
 * a page in another language gives each field its own words instead.
 */
import { pageFieldErrors } from '../../../kit/i18n/errors.ts';
import type { Translate } from '../../../kit/i18n/translate.ts';

export function userFieldErrors(fields: Record<string, string>, lang: string, t: Translate): Record<string, string> {
  return pageFieldErrors(
    fields,
    lang,
    {
      email: t('userForm.invalid.email'),
      name: t('userForm.invalid.name'),
      role: t('userForm.invalid.role'),
      jobRoles: t('userForm.invalid.jobRoles'),
      team: t('userForm.invalid.team'),
      ownerHandles: t('userForm.invalid.ownerHandles'),
    },
    t('error.INVALID_INPUT'),
  );
}
