import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

type CliOption = Readonly<{ name: string; value?: string; numeric: boolean; default: string; help: string }>;
type Generate = Readonly<{
  parseCliArgs: (argv: readonly string[]) => Record<string, unknown>;
  cliOptions: readonly CliOption[];
  helpText: () => string;
}>;

// tools/ is plain CommonJS (the bench runs on bare node).
const load = createRequire(__filename);
const script = join(__dirname, 'generate.js');
const { parseCliArgs, cliOptions, helpText } = load(script) as Generate;
const { defaults } = load(join(__dirname, 'generator.js')) as { defaults: Readonly<Record<string, number>> };

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const argsFor = (option: CliOption) => (option.value ? [`--${option.name}`, option.numeric ? '7' : 'http://127.0.0.1:1'] : [`--${option.name}`]);
const run = (...argv: string[]) => spawnSync(process.execPath, [script, ...argv], { encoding: 'utf8', timeout: 60_000 });

describe('generate.js command line', () => {
  it('accepts every option its help text names, and the help names every option it accepts with its default', () => {
    const named = [...helpText().matchAll(/^ {2}(--[a-z-]+)/gm)].map((match) => match[1]);
    expect(named).toEqual(cliOptions.map((option) => `--${option.name}`));
    for (const option of cliOptions) {
      expect(() => parseCliArgs(argsFor(option))).not.toThrow();
      expect(helpText()).toMatch(new RegExp(`^ {2}--${option.name}\\b.*\\(default: ${option.default.replace(/[.()]/g, '\\$&')}\\)$`, 'm'));
    }
  });

  it("takes every size the generator has, stating the generator's own default", () => {
    for (const [key, value] of Object.entries(defaults)) {
      expect(parseCliArgs([`--${kebab(key)}`, '3'])).toEqual({ [key]: 3 });
      expect(helpText()).toMatch(new RegExp(`^ {2}--${kebab(key)} <n> .*\\(default: ${String(value).replace('.', '\\.')}\\)$`, 'm'));
    }
  });

  it('prints the help text with an example and exits 0 on --help', () => {
    const answer = run('--help');
    expect({ status: answer.status, stderr: answer.stderr }).toEqual({ status: 0, stderr: '' });
    expect(answer.stdout).toBe(helpText());
    expect(answer.stdout).toMatch(/^Examples:\n {2}node tools\/bench\/generate\.js --url /m);
  });

  it.each([
    [['--bogus', '1'], 'unknown option --bogus'],
    [['--dry-run', '--opportunity', '5'], 'unknown option --opportunity'],
    [['--seed'], 'option --seed needs a value'],
    [['--seed', 'forty-two', '--dry-run'], 'option --seed needs a number, got "forty-two"'],
    [['--dry-run=yes'], 'option --dry-run takes no value'],
  ])('refuses %j naming the option, with exit code 2 and nothing written', (argv, message) => {
    const answer = run(...argv);
    expect({ status: answer.status, stdout: answer.stdout }).toEqual({ status: 2, stdout: '' });
    expect(answer.stderr).toContain(`generate.js: ${message}`);
    expect(answer.stderr).toContain('--help');
  });
});
