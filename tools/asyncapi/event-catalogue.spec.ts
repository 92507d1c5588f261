import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractOf, contractTypesOf } from './asyncapi-context';
import { asyncApiContexts } from './asyncapi-contexts';
import { fieldsOf, sorted } from './asyncapi-spec-support';

const catalogue = readFileSync(join(__dirname, '../../docs/event-catalogue.md'), 'utf8').split('\n');

/** From the line at `start` up to (not including) the next heading of `level` or higher. */
const sectionFrom = (start: number, level: number): string[] => {
  if (start === -1) return [];
  const end = catalogue.findIndex((line, index) => index > start && /^#+ /.test(line) && line.indexOf(' ') <= level);
  return catalogue.slice(start, end === -1 ? undefined : end);
};

/** An event section is `### <EventType>`: one word in PascalCase, unlike `### Design notes`. */
const eventHeading = /^### ([A-Z][A-Za-z0-9]*)$/;

describe.each(asyncApiContexts.map((context) => ({ name: context.name, context })))('docs/event-catalogue.md on $name', ({ context }) => {
  const { topic } = context.catalogue;
  /** The `## …` section whose heading names the topic, e.g. `## Opportunities (…, topic \`crm.opportunities\`)`. */
  const contextSection = sectionFrom(
    catalogue.findIndex((line) => line.startsWith('## ') && line.includes(`topic \`${topic}\``)),
    2,
  );
  /** The lines under `### <type>` up to the next heading; undefined when there is no such heading. */
  const sectionOf = (type: string): string[] | undefined => {
    const start = contextSection.indexOf(`### ${type}`);
    if (start === -1) return undefined;
    const end = contextSection.findIndex((line, index) => index > start && line.startsWith('#'));
    return contextSection.slice(start + 1, end === -1 ? undefined : end);
  };

  it('has a section for the topic, naming every stream category', () => {
    expect(contextSection.length).toBeGreaterThan(0);
    for (const category of context.catalogue.streamCategories) expect(contextSection[0]).toContain(`\`${category}-`);
  });

  it('documents exactly the event types of the contracts', () => {
    const documented = contextSection.flatMap((line) => eventHeading.exec(line)?.slice(1) ?? []);
    expect(sorted(documented)).toEqual(sorted(contractTypesOf(context)));
  });

  it.each(contractTypesOf(context))('%s: lists every field of the contract, and only those, with its required flag and its ce_type', (type) => {
    const { ceType, schema } = contractOf(context, type);
    const { properties, required } = fieldsOf(schema);
    const section = sectionOf(type) ?? [];
    const rows = section.flatMap((line) => {
      const row = /^\| `([^`]+)` \| .* \| (yes|no) \| /.exec(line);
      return row ? [{ field: row[1], required: row[2] === 'yes' }] : [];
    });
    expect(sectionOf(type)).toBeDefined();
    expect(section.join('\n')).toContain(`\`${ceType}\``);
    expect(sorted(rows.map((row) => row.field))).toEqual(sorted(properties));
    expect(sorted(rows.filter((row) => row.required).map((row) => row.field))).toEqual(sorted(required));
  });
});
