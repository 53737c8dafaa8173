/**
 * Fills in the header's account corner on prerendered pages from GET /api/me: how many pages I
 * have to acknowledge, my training, the
 * reports for managers, the person's name, the admin pages for admins, sign-out. Signed out,
 * the sign-in link comes back to the page being read.
 */
import { clientT } from '../../../kit/i18n/client.ts';
import { signInAddress } from '../return-address.ts';
import { rememberLanguage } from '../../languages/browser/chosen-language.ts';
import { whoAmI } from './who-am-i.ts';

const t = clientT('[data-account-menu]');

function link(href: string, text: string, className?: string): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.textContent = text;
  if (className) anchor.className = className;
  return anchor;
}

function signOutForm(): HTMLFormElement {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = '/sign-out/';
  const button = document.createElement('button');
  button.type = 'submit';
  button.className = 'link-button';
  button.textContent = t('menu.signOut');
  form.append(button);
  return form;
}

async function fillIn(menu: HTMLElement): Promise<void> {
  const signIn = menu.querySelector<HTMLAnchorElement>('[data-sign-in]');
  if (signIn && location.pathname !== '/') signIn.href = signInAddress(location.pathname + location.search);
  const me = await whoAmI();
  if (!me) return;
  // The language a person set on /account/ is their choice on static pages too.
  rememberLanguage(me.user.language);
  const items: Node[] = [];
  if (me.acknowledgementsDue > 0) {
    const due = link('/acknowledgements/', t('menu.toAcknowledge', { count: me.acknowledgementsDue }));
    due.dataset.acknowledgementsDue = String(me.acknowledgementsDue);
    items.push(due);
  }
  items.push(link('/my-training/', t('menu.myTraining')));
  if (me.can.viewReports) items.push(link('/reports/training/', t('menu.reports')));
  // Owners review their pages; managers see every owner's.
  if (me.can.viewReports || me.user.ownerHandles.length > 0) items.push(link('/reviews/', t('menu.reviews')));
  items.push(link('/account/', me.user.name, 'account-name'));
  if (me.can.manageUsers) items.push(link('/admin/users/', t('menu.admin')));
  items.push(signOutForm());
  menu.replaceChildren(...items);
}

for (const menu of document.querySelectorAll<HTMLElement>('[data-account-menu]:not([data-known])')) void fillIn(menu);
