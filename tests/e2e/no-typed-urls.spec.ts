import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

/**
 * The journeys follow links: after sign-in, no spec types an address. Addresses are opened only by the
 * helpers of support.ts (the sign-in page, a public page before signing in, a link read in an e-mail);
 * a spec file that calls `goto` itself, or builds a new page at an address, fails here.
 */
const dir = path.dirname(fileURLToPath(import.meta.url));
const specs = fs.readdirSync(dir).filter((name) => name.endsWith('.spec.ts') && name !== path.basename(fileURLToPath(import.meta.url)));
/** `page.goto(…)`, `.goto(…)` on any page, and `window.location` assignments in evaluated code. */
const TYPED = [/\.goto\s*\(/, /location\s*(\.href\s*)?=(?!=)/, /location\.(assign|replace)\s*\(/];

test('aucun parcours ne tape une adresse après la connexion : seuls les liens et les boutons mènent aux pages', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'ordinateur', 'une lecture des fichiers suffit');
  expect(specs.length).toBeGreaterThan(5);
  const offences = specs.flatMap((name) =>
    fs
      .readFileSync(path.join(dir, name), 'utf8')
      .split('\n')
      .flatMap((line, i) => (TYPED.some((re) => re.test(line)) ? [`${name}:${i + 1} ${line.trim()}`] : [])),
  );
  expect(offences).toEqual([]);
  // The helpers that may open an address say what for.
  const support = fs.readFileSync(path.join(dir, 'support.ts'), 'utf8');
  const gotos = support.split('\n').filter((line) => /\.goto\s*\(/.test(line));
  expect(gotos).toHaveLength(3);
});
