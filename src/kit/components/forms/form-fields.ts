/** The aria attributes that tie an input to its hint and its error (kit/components/forms/Field.astro). */
export function fieldAria(id: string, { hint = false, error }: { hint?: boolean; error?: string | undefined }) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(error ? { 'aria-invalid': 'true' as const } : {}) };
}
