/** The calendar day, in Europe/Paris (decisions.md §1); the domain never reads the clock, the use cases ask this. */
export interface Clock {
  today(): string;
}

const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

export const systemClock: Clock = { today: () => parisDay.format(new Date()) };

/** A clock stopped on one day (tests, benchmarks). */
export const fixedClock = (day: string): Clock => ({ today: () => day });
