import { sameAgency, type Report } from '../index';

// Spaces aside, as sameAgency compares names.
const squeeze = (name: string) => name.replace(/[\s\u3000]+/g, '');
import type { Unpaired } from './formats/format';

/** A report read for `compare`. */
export interface ComparedReport {
  path: string;
  report: Report;
  /** Its text, when code frames are shown. */
  text?: string;
}

/** What `compare` prints, in order: a pair to compare, or a report left without one. */
export type CompareStep = { kind: 'pair'; previous: ComparedReport; current: ComparedReport } | { kind: 'unpaired'; entry: Unpaired };

/**
 * Pairs each report with the reports of the same agency for the year before (`meta.year − 1`):
 * of those whose name is the same (spaces aside), or when there is none, those whose name holds
 * its name or is held in it (see {@link sameAgency}). So `渠县人民政府` 2023 pairs with `渠县`
 * 2022, but where `渠县` 2022 and `渠县教育局` 2022 are both there, `渠县教育局` 2023 pairs only
 * with the latter. Two reports of one agency and year are each paired.
 *
 * Returns the steps in input order: at each report, its pairs as the later report; a report in
 * no pair at all (no report the year before nor the year after, no agency or no year read) is
 * listed as unpaired where it comes.
 */
export function pairReports(reports: readonly ComparedReport[]): CompareStep[] {
  const before = (current: ComparedReport): ComparedReport[] => {
    const { agency, year } = current.report.meta;
    if (agency === null || year === null) return [];
    const candidates = reports.filter(
      (other) => other.report.meta.year === year - 1 && other.report.meta.agency !== null && sameAgency(other.report.meta.agency, agency),
    );
    const exact = candidates.filter((other) => squeeze(other.report.meta.agency as string) === squeeze(agency));
    return exact.length > 0 ? exact : candidates;
  };
  const previous = reports.map(before);
  const paired = new Set<ComparedReport>();
  reports.forEach((current, i) => {
    for (const earlier of previous[i] as ComparedReport[]) paired.add(earlier).add(current);
  });
  const steps: CompareStep[] = [];
  reports.forEach((current, i) => {
    for (const earlier of previous[i] as ComparedReport[]) steps.push({ kind: 'pair', previous: earlier, current });
    if (!paired.has(current)) steps.push({ kind: 'unpaired', entry: unpaired(current) });
  });
  return steps;
}

function unpaired({ path, report }: ComparedReport): Unpaired {
  const { agency, year } = report.meta;
  let reason: string;
  if (agency === null && year === null) reason = 'neither the agency nor the year could be read';
  else if (agency === null) reason = `the agency could not be read (year ${year})`;
  else if (year === null) reason = `the year could not be read (${agency})`;
  else reason = `no report of ${agency} for ${year - 1} or ${year + 1}`;
  return { path, agency, year, reason };
}
