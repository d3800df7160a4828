import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addMonthsToMonth,
  dayOfWeek,
  daysBetween,
  easterSunday,
  frenchPublicHolidays,
  isValidIsoDate,
  isValidYearMonth,
  isWorkingDay,
  lastDayOfMonth,
  monthRange,
  monthsBetween,
  monthsInRange,
  workingDaysInRange,
} from './calendar.js';

describe('calendrier : dates ISO sans fuseau horaire', () => {
  it.each([
    ['2024-02-29', true, 'année bissextile'],
    ['2023-02-29', false, '29 février d’une année non bissextile'],
    ['1900-02-29', false, '1900 n’est pas bissextile'],
    ['2000-02-29', true, '2000 est bissextile'],
    ['2025-13-01', false, 'mois 13'],
    ['2025-04-31', false, '31 avril'],
    ['2025-4-1', false, 'format incomplet'],
    ['0099-01-01', false, 'année à deux chiffres'],
  ])('%s valide : %s (%s)', (date, valid) => {
    expect(isValidIsoDate(date)).toBe(valid);
  });

  it.each([
    ['2025-01', true],
    ['2025-00', false],
    ['2025-1', false],
  ])('mois %s valide : %s', (month, valid) => {
    expect(isValidYearMonth(month)).toBe(valid);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29', 'fin de mois vers février bissextile'],
    ['2023-01-31', 1, '2023-02-28', 'fin de mois vers février ordinaire'],
    ['2024-02-29', 12, '2025-02-28', '29 février + 1 an'],
    ['2025-01-02', 24, '2027-01-02', 'validité de 24 mois'],
    ['2025-03-31', -1, '2025-02-28', 'recul d’un mois'],
    ['2025-12-15', 1, '2026-01-15', 'changement d’année'],
  ])('%s + %i mois = %s (%s)', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2025-03-29', '2025-03-31', 2, 'passage à l’heure d’été'],
    ['2025-10-25', '2025-10-27', 2, 'passage à l’heure d’hiver'],
    ['2024-02-28', '2024-03-01', 2, 'février bissextile'],
    ['2023-02-28', '2023-03-01', 1, 'février ordinaire'],
    ['2025-12-31', '2025-01-01', -364, 'dates inversées'],
  ])('du %s au %s : %i jours (%s)', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(addDays(from, days)).toBe(to);
  });

  it('les mois se parcourent par bornes incluses', () => {
    expect(monthsInRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsInRange('2025-02', '2025-01')).toEqual([]);
    expect(monthsBetween('2024-11', '2025-02')).toBe(3);
    expect(addMonthsToMonth('2025-01', -1)).toBe('2024-12');
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(monthRange('2025-02')).toEqual({ start: '2025-02-01', end: '2025-02-28' });
  });

  it('le 1er janvier 1970 était un jeudi, le 1er janvier 2025 un mercredi', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2025-01-01')).toBe(3);
    expect(dayOfWeek('1969-12-28')).toBe(0);
  });
});

describe('jours fériés français et jours ouvrés', () => {
  it.each([
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Pâques %i : %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('les onze jours fériés de 2025, dont ceux qui dépendent de Pâques', () => {
    expect(frenchPublicHolidays(2025).map((holiday) => holiday.date)).toEqual([
      '2025-01-01',
      '2025-04-21',
      '2025-05-01',
      '2025-05-08',
      '2025-05-29',
      '2025-06-09',
      '2025-07-14',
      '2025-08-15',
      '2025-11-01',
      '2025-11-11',
      '2025-12-25',
    ]);
  });

  it.each([
    ['2025-01', 22],
    ['2025-02', 20],
    ['2025-04', 21],
    ['2025-05', 19],
    ['2025-06', 20],
    ['2025-11', 19],
    ['2025-12', 22],
    ['2024-02', 21],
  ])('jours ouvrés (lundi–vendredi hors fériés) en %s : %i', (month, days) => {
    expect(workingDaysInRange(monthRange(month))).toBe(days);
  });

  it.each([
    ['2025-05-29', false, 'Ascension'],
    ['2025-06-09', false, 'lundi de Pentecôte'],
    ['2025-05-31', false, 'samedi'],
    ['2025-05-30', true, 'vendredi ordinaire'],
  ])('%s jour ouvré : %s (%s)', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });
});
