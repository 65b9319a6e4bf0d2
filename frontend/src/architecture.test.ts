// @vitest-environment node
// The folder rules hold because ESLint enforces them (eslint.config.js): this proves the rules
// fire, on snippets linted as if they stood at a path in src/, without fixture files.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const root = new URL('../', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root, overrideConfigFile: `${root}eslint.config.js` });

/** importErrors lints code as the file at path (under frontend/) and gives the import rules' complaints. */
async function importErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return result.messages.filter((m) => m.ruleId?.startsWith('import-x/')).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('folder rules', { timeout: 120_000 }, () => {
  it('let a feature use another only through its index.ts', async () => {
    const deep = await importErrors('src/features/home/Proof.ts', "export { undecided } from '../subsidies/applications';\n");
    expect(deep).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*Import another feature only through its index\.ts/)]);
    expect(await importErrors('src/features/home/Proof.ts', "export { undecided } from '../subsidies';\n")).toEqual([]);
    expect(await importErrors('src/features/home/Proof.ts', "export { retention } from './overview';\n")).toEqual([]);
  });
  it('keep lib/ and components/ free of features and the app, and features free of the app', async () => {
    expect(await importErrors('src/lib/Proof.ts', "export { InviteHistory } from '../features/invites';\n")).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*lib\/ and components\/ are shared/),
    ]);
    expect(await importErrors('src/components/Proof.ts', "export { navFor } from '../app/nav';\n")).toHaveLength(1);
    expect(await importErrors('src/features/home/Proof.ts', "export { navFor } from '../../app/nav';\n")).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*Features do not import the app/),
    ]);
  });
  it('refuse an import cycle', async () => {
    // lib/api/client.ts imports ./error: error.ts importing the client closes a cycle.
    expect(await importErrors('src/lib/api/error.ts', "import { api } from './client';\nexport const x = api;\n")).toEqual([
      expect.stringMatching(/^import-x\/no-cycle: /),
    ]);
  });
});
