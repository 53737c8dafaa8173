/** Dates as readers expect them: 14 Jun 2026. Fixed to en-GB and UTC so builds are reproducible. */
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatDate(isoDate: string): string {
  return DATE_FORMAT.format(new Date(`${isoDate}T00:00:00Z`));
}

const TYPE_LABELS: Record<string, string> = { policy: 'Policy', procedure: 'Procedure', guide: 'Guide', faq: 'FAQ' };

/** A page type as readers see it: "Policy", "FAQ". */
export function typeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type.charAt(0).toUpperCase() + type.slice(1);
}
