import type { DealCommands, Sent } from './deal-commands';

/** How deal i ends up: the burst cycles through these, so expected figures follow from the count alone. */
const paths = ['lead', 'qualified', 'proposal', 'won', 'lost'] as const;
type Path = (typeof paths)[number];

const pathOf = (index: number): Path => paths[index % paths.length];
const amountOf = (index: number): number => 100 + index;

export type BurstFigures = Readonly<{ opportunities: number; lead: number; qualified: number; proposal: number; won: number; wonAmount: number; lost: number }>;

/** What the funnel must show after deals [0, count) of the burst: counted exactly once each. */
export const expectedBurstFigures = (count: number): BurstFigures => {
  const figures = { opportunities: count, lead: 0, qualified: 0, proposal: 0, won: 0, wonAmount: 0, lost: 0 };
  for (let index = 0; index < count; index++) {
    const path = pathOf(index);
    figures[path]++;
    if (path === 'won') figures.wonAmount += amountOf(index);
  }
  return figures;
};

/**
 * Sends deals [from, to) over HTTP, `concurrency` at a time, each deal's
 * commands in order. Resolves with the highest position appended.
 */
export const sendBurst = async (commands: DealCommands, from: number, to: number, concurrency = 8): Promise<number> => {
  let next = from;
  let highest = 0;
  const note = (sent: Sent) => {
    highest = Math.max(highest, sent.position);
    return sent.opportunityId;
  };
  const deal = async (index: number) => {
    const id = note(await commands.open({ ownerId: `rep-${index % 3}`, region: 'emea', productLine: 'crm', sourceChannel: 'web', amount: amountOf(index) }, `burst-${index}`));
    const path = pathOf(index);
    if (path === 'lost') return void note(await commands.lose(id));
    if (path === 'lead') return;
    note(await commands.moveTo(id, 'qualified'));
    if (path === 'qualified') return;
    note(await commands.moveTo(id, 'proposal'));
    if (path === 'proposal') return;
    note(await commands.moveTo(id, 'negotiation'));
    note(await commands.win(id, amountOf(index)));
  };
  const worker = async () => {
    while (next < to) await deal(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return highest;
};

type FunnelBody = Readonly<{
  opportunities: number;
  stages: ReadonlyArray<Readonly<{ stage: string; count: number }>>;
  won: Readonly<{ count: number; amounts: ReadonlyArray<Readonly<{ amount: number }>> }>;
  lost: Readonly<{ count: number }>;
}>;

/** The same figures, read from a funnel response. */
export const burstFiguresOf = (funnel: FunnelBody): BurstFigures => {
  const countOf = (stage: string) => funnel.stages.find((s) => s.stage === stage)?.count ?? 0;
  return {
    opportunities: funnel.opportunities, lead: countOf('lead'), qualified: countOf('qualified'), proposal: countOf('proposal'),
    won: funnel.won.count, wonAmount: funnel.won.amounts.reduce((sum, a) => sum + a.amount, 0), lost: funnel.lost.count,
  };
};
