import {
  CLEANING_PACT_DEFAULTS, centsToInput, eurosToCents, hoursToMinutes, minutesToInput, parseInteger, percentToRate, rateToInput,
  type HoursMethodInput, type RequiredHoursMethodCode,
} from '@app/shared';

/**
 * The calculator's fields as typed (euros, %, hours) ↔ the method input of the domain (cents, rates,
 * minutes). The live preview and the form action both read the form through these functions, so the
 * hours shown while typing are the hours the API computes.
 */
export type MethodChoice = RequiredHoursMethodCode | '';
export type Fields = Record<string, string>;

const FIELDS: Record<RequiredHoursMethodCode, string[]> = {
  labour_share: ['amount', 'labourShare', 'insertionRate', 'hourlyCost'],
  hours_percentage: ['insertionRate', 'labourHours', 'amount', 'labourShare', 'hourlyCost'],
  fixed: ['fixedHours'],
  cleaning_pact: ['turnover', 'durationMonths', 'insertionRate', 'transferredHours', 'coefficient', 'minimumHours'],
  per_order: ['labourShare', 'insertionRate', 'hourlyCost'],
};
export const fieldsOf = (method: MethodChoice): string[] => (method ? FIELDS[method] : []);

/** A number when it reads as one, else the text (so that the API names the field), undefined when empty. */
const read = (text: string | undefined, convert: (t: string) => number | null): number | string | undefined => {
  const t = (text ?? '').trim();
  if (t === '') return undefined;
  return convert(t) ?? t;
};

export function methodFromFields(method: MethodChoice, f: Fields): HoursMethodInput | null {
  const euros = (k: string) => read(f[k], eurosToCents);
  const rate = (k: string) => read(f[k], percentToRate);
  const hours = (k: string) => read(f[k], hoursToMinutes);
  const int = (k: string) => read(f[k], parseInteger);
  let built: Record<string, unknown>;
  switch (method) {
    case '':
      return null;
    case 'labour_share':
      built = { method, amountCents: euros('amount'), labourShare: rate('labourShare'), insertionRate: rate('insertionRate'), hourlyCostCents: euros('hourlyCost') };
      break;
    case 'hours_percentage':
      built = { method, insertionRate: rate('insertionRate'), labourMinutes: hours('labourHours') ?? null, amountCents: euros('amount') ?? null, labourShare: rate('labourShare') ?? null, hourlyCostCents: euros('hourlyCost') ?? null };
      break;
    case 'fixed':
      built = { method, minutes: hours('fixedHours') };
      break;
    case 'cleaning_pact':
      built = {
        method, turnoverCents: euros('turnover'), durationMonths: int('durationMonths'), insertionRate: rate('insertionRate'),
        transferredMonthlyMinutes: hours('transferredHours') ?? 0, coefficientCents: euros('coefficient') ?? null, minimumHours: int('minimumHours') ?? null,
      };
      break;
    case 'per_order':
      built = { method, labourShare: rate('labourShare'), insertionRate: rate('insertionRate'), hourlyCostCents: euros('hourlyCost') };
      break;
  }
  return built as HoursMethodInput;
}

/** The fields of a stored method, for editing (and sensible defaults for a new clause). */
export function fieldsFromMethod(method: HoursMethodInput | null, defaults: { amountCents: number; labourShare: number; insertionRate: number; hourlyCostCents: number }): Fields {
  const base: Fields = {
    amount: centsToInput(defaults.amountCents),
    labourShare: rateToInput(defaults.labourShare),
    insertionRate: rateToInput(defaults.insertionRate),
    hourlyCost: centsToInput(defaults.hourlyCostCents),
    turnover: centsToInput(defaults.amountCents),
    coefficient: centsToInput(CLEANING_PACT_DEFAULTS.coefficientCents),
    minimumHours: String(CLEANING_PACT_DEFAULTS.minimumHours),
    transferredHours: '0',
  };
  if (!method) return base;
  const m = method as Record<string, unknown>;
  const num = (k: string) => (typeof m[k] === 'number' ? (m[k] as number) : null);
  const set = (field: string, value: string) => {
    if (value !== '') base[field] = value;
  };
  set('amount', centsToInput(num('amountCents')));
  set('labourShare', rateToInput(num('labourShare')));
  set('insertionRate', rateToInput(num('insertionRate')));
  set('hourlyCost', centsToInput(num('hourlyCostCents')));
  set('labourHours', minutesToInput(num('labourMinutes')));
  set('fixedHours', minutesToInput(num('minutes')));
  set('turnover', centsToInput(num('turnoverCents')));
  set('durationMonths', num('durationMonths') == null ? '' : String(num('durationMonths')));
  set('transferredHours', minutesToInput(num('transferredMonthlyMinutes')));
  set('coefficient', centsToInput(num('coefficientCents')));
  set('minimumHours', num('minimumHours') == null ? '' : String(num('minimumHours')));
  return base;
}

/** API paths of the method (method.amountCents…) → the calculator's fields. */
export const METHOD_FIELD_OF: Record<string, string> = {
  'method.amountCents': 'amount',
  'method.labourShare': 'labourShare',
  'method.insertionRate': 'insertionRate',
  'method.hourlyCostCents': 'hourlyCost',
  'method.labourMinutes': 'labourHours',
  'method.minutes': 'fixedHours',
  'method.turnoverCents': 'turnover',
  'method.durationMonths': 'durationMonths',
  'method.transferredMonthlyMinutes': 'transferredHours',
  'method.coefficientCents': 'coefficient',
  'method.minimumHours': 'minimumHours',
  'method.method': 'method',
};
