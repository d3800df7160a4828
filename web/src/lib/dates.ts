/** Today in Paris (AAAA-MM-JJ), as the API counts days. */
export const parisToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
/** A calendar date in French (12/03/2026), '—' when absent. */
export const frDate = (iso: string | null | undefined): string => (iso ? new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'UTC' }) : '—');
