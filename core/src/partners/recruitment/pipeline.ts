/**
 * The partner recruitment pipeline: identified → qualified → pitched →
 * negotiating → signed, one stage at a time (or lost). Conversion between two
 * stages is the share of prospects that reached the first and went on to
 * reach the next, in basis points (rounded down), next to the seed's
 * benchmarks (30 %, 50 %, 40 %, 80 %; 4.8 % overall).
 */
import type { PartnerProgramSettings } from '../settings/partner-settings.js';

export const STAGES = ['identified', 'qualified', 'pitched', 'negotiating', 'signed'] as const;
export type Stage = (typeof STAGES)[number];
export type TransitionKey = keyof PartnerProgramSettings['recruitment']['benchmarksBps'];

export interface StageConversion {
  from: Stage;
  to: Stage;
  reachedFrom: number;
  reachedTo: number;
  rateBps: number | null;
  benchmarkBps: number;
  meetsBenchmark: boolean | null;
}

/** `reached[stage]` = how many prospects ever reached that stage. */
export function conversionRates(reached: Record<Stage, number>, s: PartnerProgramSettings): { stages: StageConversion[]; overallBps: number | null; overallBenchmarkBps: number } {
  const stages: StageConversion[] = [];
  let overallBenchmark = 10_000n;
  for (let i = 0; i < STAGES.length - 1; i += 1) {
    const from = STAGES[i]!;
    const to = STAGES[i + 1]!;
    const benchmarkBps = s.recruitment.benchmarksBps[`${from}_to_${to}` as TransitionKey];
    overallBenchmark = (overallBenchmark * BigInt(benchmarkBps)) / 10_000n;
    const rateBps = reached[from] > 0 ? Math.floor((reached[to] * 10_000) / reached[from]) : null;
    stages.push({ from, to, reachedFrom: reached[from], reachedTo: reached[to], rateBps, benchmarkBps, meetsBenchmark: rateBps === null ? null : rateBps >= benchmarkBps });
  }
  return { stages, overallBps: reached.identified > 0 ? Math.floor((reached.signed * 10_000) / reached.identified) : null, overallBenchmarkBps: Number(overallBenchmark) };
}

/** Whether a prospect at `current` may move to `next`: only forward by one stage. */
export function canAdvance(current: Stage, next: Stage): boolean {
  return STAGES.indexOf(next) === STAGES.indexOf(current) + 1;
}
