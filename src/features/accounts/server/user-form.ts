/** Reading the person form of the admin pages (features/accounts/components/UserForm.astro) into service input. */
import { splitList } from './user-input.ts';

export interface UserFormValues {
  email: string;
  name: string;
  role: string;
  jobRoles: string[];
  team: string;
  ownerHandles: string[];
}

export function userFormValues(form: { get(name: string): string; all(name: string): string[] }): UserFormValues {
  const typed = form.get('jobRolesText');
  return {
    email: form.get('email').trim(),
    name: form.get('name').trim(),
    role: form.get('role'),
    jobRoles: typed ? splitList(typed) : form.all('jobRoles'),
    team: form.get('team').trim(),
    ownerHandles: form
      .get('ownerHandles')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  };
}
