import { eurosToCents } from '@app/shared';

/**
 * The contract form ↔ the API body: amounts typed in euros, co-contractors and subcontractors one
 * per line ("SIRET ; raison sociale"). Used by the actions; the API validates everything.
 */
const get = (data: FormData, name: string) => String(data.get(name) ?? '').trim();

/** "552 100 554 00013 ; Dupont SA" lines → parties. */
export function partiesFromLines(text: string): { siret: string; name: string }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [siret = '', ...name] = line.split(/[;\t]/);
      return { siret: siret.trim(), name: name.join(' ').trim() };
    });
}

export const linesFromParties = (parties: { identifier: string; name: string | null }[]): string =>
  parties.map((p) => `${p.identifier} ; ${p.name ?? ''}`).join('\n');

/** A typed amount: cents when it reads as a number, else the text itself (the API answers "doit être un nombre"). */
export function amountField(text: string): number | string | undefined {
  if (text === '') return undefined;
  return eurosToCents(text) ?? text;
}

export function contractBodyFrom(data: FormData) {
  const date = (name: string) => get(data, name) || null;
  return {
    operationId: get(data, 'operationId') || null,
    reference: get(data, 'reference'),
    object: get(data, 'object'),
    procedure: get(data, 'procedure'),
    cpvCode: get(data, 'cpvCode') || null,
    notifiedOn: date('notifiedOn'),
    startDate: date('startDate'),
    endDate: date('endDate'),
    amountCents: amountField(get(data, 'amount')),
    frameworkAgreement: data.get('frameworkAgreement') === 'on',
    holders: [{ siret: get(data, 'holderSiret'), name: get(data, 'holderName') }, ...partiesFromLines(get(data, 'coContractors'))],
    subcontractors: partiesFromLines(get(data, 'subcontractors')),
  };
}

/** API paths → form fields (holders.0.siret is the holder's SIRET, holders.2.name line 2 of co-contractors…). */
export function contractFieldErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (field: string, message: string) => (out[field] = out[field] ? `${out[field]} ${message}` : message);
  for (const [path, message] of Object.entries(errors)) {
    const [head, index, leaf] = path.split('.');
    if (path === 'amountCents') add('amount', message);
    else if (head === 'holders' && index === '0') add(leaf === 'name' ? 'holderName' : 'holderSiret', message);
    else if (head === 'holders' && index) add('coContractors', `Ligne ${index} : ${message}`);
    else if (head === 'holders') add('holderSiret', message);
    else if (head === 'subcontractors' && index) add('subcontractors', `Ligne ${Number(index) + 1} : ${message}`);
    else add(head ?? path, message);
  }
  return out;
}
