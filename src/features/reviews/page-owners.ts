/**
 * Who answers for a page. A page names its owner as its front matter or CODEOWNERS does: a
 * handle (@kestrel/billing-ops), the handle's display name from knowhow.yaml (Billing
 * Operations), a person's name, or an email. A person answers for the pages whose owner is one of
 * their owner handles, the display name of one, or their own email; case does not matter.
 */

export interface OwnerIdentity {
  email: string;
  ownerHandles: readonly string[];
}

const normal = (name: string) => name.trim().toLowerCase();

/** Every name a page may use for `names`, with the display names of handles and the handles of display names. */
function aliasesOf(names: readonly string[], displayNames: Readonly<Record<string, string>>): Set<string> {
  const aliases = new Set(names.map(normal));
  for (const [handle, display] of Object.entries(displayNames)) {
    if (aliases.has(normal(handle)) || aliases.has(normal(display))) {
      aliases.add(normal(handle));
      aliases.add(normal(display));
    }
  }
  aliases.delete('');
  return aliases;
}

/**
 * A page's owners as separate names: the manifest joins several with ", " (CODEOWNERS may name
 * more than one); the whole text counts too, in case a name has a comma in it.
 */
export function ownersOfPage(owner: string | undefined): string[] {
  if (!owner) return [];
  return [owner, ...owner.split(',')].map(normal).filter(Boolean);
}

function matcher(aliases: Set<string>): (owner: string | undefined) => boolean {
  return (owner) => ownersOfPage(owner).some((name) => aliases.has(name));
}

/** A test for page owners: true for the pages `person` answers for. */
export function ownedBy(
  person: OwnerIdentity,
  displayNames: Readonly<Record<string, string>> = {},
): (owner: string | undefined) => boolean {
  return matcher(aliasesOf([person.email, ...person.ownerHandles], displayNames));
}

/** A test for page owners named as someone asked (`--owner`, `?owner=`): the handle or its display name. */
export function ownerNamed(name: string, displayNames: Readonly<Record<string, string>> = {}): (owner: string | undefined) => boolean {
  return matcher(aliasesOf([name], displayNames));
}

/** Whether `person` answers for any page at all: owner dashboards are for them. */
export function isOwner(
  person: OwnerIdentity,
  pageOwners: Iterable<string | undefined>,
  displayNames: Readonly<Record<string, string>>,
): boolean {
  const owns = ownedBy(person, displayNames);
  for (const owner of pageOwners) if (owns(owner)) return true;
  return false;
}
