import { createRequire } from 'node:module';
import { join } from 'node:path';

type Step = Readonly<{ command: string; body: Readonly<Record<string, unknown>> }>;
type Plan = Readonly<{ index: number; tenantId: string; teamId: string; open: Readonly<{ ownerId: string; customerId: string }>; steps: readonly Step[] }>;
type Rep = Readonly<{ id: string; teamId: string }>;
type Tenant = Readonly<{ id: string; teams: readonly Readonly<{ id: string; reps: readonly Rep[] }>[]; reps: readonly Rep[]; customers: readonly Readonly<{ id: string }>[] }>;
type Directory = Readonly<{ tenants: readonly Tenant[]; options: Readonly<{ opportunities: number }> }>;
type Generator = Readonly<{
  generateDirectory: (options?: Readonly<Record<string, number>>) => Directory;
  generateOpportunity: (directory: Directory, index: number) => Plan;
  openStages: readonly string[];
}>;

// The generator is plain CommonJS like the rest of tools/ (the bench runs it on bare node).
const { generateDirectory, generateOpportunity, openStages } = createRequire(__filename)(join(__dirname, 'generator.js')) as Generator;

const plans = (options: Readonly<Record<string, number>>): Plan[] => {
  const directory = generateDirectory(options);
  return Array.from({ length: directory.options.opportunities }, (_, i) => generateOpportunity(directory, i));
};

const stagesOf = (plan: Plan): string[] => plan.steps.filter((s) => s.command === 'change-stage').map((s) => String(s.body.toStage));

describe('the seeded data generator', () => {
  it('gives the same plan for the same seed, and another for another seed', () => {
    expect(JSON.stringify(plans({ seed: 7, opportunities: 300 }))).toBe(JSON.stringify(plans({ seed: 7, opportunities: 300 })));
    expect(JSON.stringify(generateDirectory({ seed: 7 }))).toBe(JSON.stringify(generateDirectory({ seed: 7 })));
    expect(JSON.stringify(plans({ seed: 8, opportunities: 300 }))).not.toBe(JSON.stringify(plans({ seed: 7, opportunities: 300 })));
  });

  it('derives opportunity n from the seed and n alone, so a run can be loaded in any order or in parts', () => {
    const directory = generateDirectory({ seed: 3, opportunities: 50 });
    const forwards = Array.from({ length: 50 }, (_, i) => generateOpportunity(directory, i));
    const backwards = Array.from({ length: 50 }, (_, i) => generateOpportunity(directory, 49 - i)).reverse();
    expect(backwards).toEqual(forwards);
  });

  it('walks the stages in order: lead → qualified → proposal → negotiation, then at most one of won or lost, last', () => {
    for (const plan of plans({ seed: 42, opportunities: 2000 })) {
      const moves = stagesOf(plan);
      const open = moves.filter((stage) => openStages.includes(stage));
      expect(open).toEqual(openStages.slice(1, open.length + 1));
      const closes = moves.filter((stage) => stage === 'won' || stage === 'lost');
      expect(closes.length).toBeLessThanOrEqual(1);
      if (closes.length === 1) expect(moves[moves.length - 1]).toBe(closes[0]);
      if (closes[0] === 'won') expect(open).toEqual(['qualified', 'proposal', 'negotiation']);
      if (closes[0] === 'lost') expect(plan.steps[plan.steps.length - 1].body.lostReason).toEqual(expect.any(String));
      if (closes.length === 1) expect(plan.steps[plan.steps.length - 1].command).toBe('change-stage');
    }
  });

  it('ends deals in every stage and outcome, with activities logged along the way, about ten events per deal', () => {
    const all = plans({ seed: 42, opportunities: 5000 });
    const final = (plan: Plan) => stagesOf(plan).pop() ?? 'lead';
    const outcomes = new Set(all.map(final));
    expect([...outcomes].sort()).toEqual(['lead', 'lost', 'negotiation', 'proposal', 'qualified', 'won']);
    const won = all.filter((plan) => final(plan) === 'won').length / all.length;
    expect(won).toBeGreaterThan(0.15);
    expect(won).toBeLessThan(0.35);
    const activities = all.flatMap((plan) => plan.steps.filter((s) => s.command === 'log-activity'));
    expect(new Set(activities.map((a) => a.body.kind))).toEqual(new Set(['call', 'email', 'meeting', 'note']));
    const eventsPerDeal = all.reduce((sum, plan) => sum + 1 + plan.steps.length, 0) / all.length;
    expect(eventsPerDeal).toBeGreaterThan(8);
    expect(eventsPerDeal).toBeLessThan(12);
  });

  it('spreads deals over several tenants, each with teams of reps and its own customers, the first tenant the biggest', () => {
    const directory = generateDirectory({ seed: 42, tenants: 4, opportunities: 4000 });
    expect(directory.tenants).toHaveLength(4);
    for (const tenant of directory.tenants) {
      expect(tenant.teams.length).toBeGreaterThan(1);
      for (const team of tenant.teams) expect(team.reps.length).toBeGreaterThan(0);
    }
    const all = Array.from({ length: 4000 }, (_, i) => generateOpportunity(directory, i));
    const perTenant = directory.tenants.map((tenant) => all.filter((plan) => plan.tenantId === tenant.id).length);
    expect(perTenant.every((n) => n > 0)).toBe(true);
    expect(perTenant[0]).toBe(Math.max(...perTenant));
    for (const plan of all) {
      const tenant = directory.tenants.find((t) => t.id === plan.tenantId);
      expect(tenant?.reps.some((rep) => rep.id === plan.open.ownerId && rep.teamId === plan.teamId)).toBe(true);
      expect(tenant?.customers.some((customer) => customer.id === plan.open.customerId)).toBe(true);
    }
    expect(new Set(all.map((plan) => plan.open.ownerId)).size).toBeGreaterThan(20);
  });
});
