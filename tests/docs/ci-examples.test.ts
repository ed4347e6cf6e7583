// The CI examples in docs/ci (shown in the README) are tested as far as they can be here: they parse, take the
// token from the CI secret store (never the command line), publish the JUnit file the run writes and keep the
// HTML report; their install step, run verbatim in an empty project holding the tarball `npm pack` makes, installs
// the tool without the registry knowing its name; and their scim-conformance command, run there against a local
// server started the way the examples start a vendor's server, passes and writes the files the examples publish.
import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { packTarball } from '../helpers/pack.js';
import { startTarget, TEST_TOKEN } from '../helpers/target-server.js';

type Step = { name?: string; run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, string> };
const github = parse(readFileSync(join(ROOT, 'docs/ci/github-actions.yml'), 'utf8')) as {
  jobs: Record<string, { steps: Step[] }>;
};
const gitlab = parse(readFileSync(join(ROOT, 'docs/ci/gitlab-ci.yml'), 'utf8')) as Record<
  string,
  { script: string[]; variables: Record<string, string>; artifacts: { paths: string[]; reports: { junit: string } } }
>;

const githubSteps = Object.values(github.jobs)[0]!.steps;
const githubRun = githubSteps.find((s) => s.run?.startsWith('npx') && s.run.includes('scim-conformance'))!;
const gitlabJob = gitlab['scim-conformance']!;
const gitlabRun = gitlabJob.script.find((l) => l.includes('npx') && l.includes('scim-conformance'))!;
const githubInstall = githubSteps.find((s) => s.run?.startsWith('npm install') && s.run.includes('scim-conformance'))!;
const gitlabInstall = gitlabJob.script.find((l) => l.startsWith('npm install') && l.includes('scim-conformance'))!;
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('CI examples', () => {
  it('take the token from the secret store, never from the command line', () => {
    expect(githubRun.env?.SCIM_TOKEN).toBe('${{ secrets.SCIM_TOKEN }}');
    expect(githubRun.run).not.toMatch(/--token/);
    expect(gitlabRun).not.toMatch(/--token/);
  });

  it('publish the JUnit file and keep the HTML report that the command writes', () => {
    expect(githubRun.run).toMatch(/--out-dir reports/);
    expect(githubSteps.find((s) => s.uses?.startsWith('mikepenz/action-junit-report'))?.with?.report_paths).toBe(
      'reports/junit.xml',
    );
    expect(githubSteps.find((s) => s.uses?.startsWith('actions/upload-artifact'))?.with?.path).toContain(
      'reports/report.html',
    );
    expect(gitlabJob.artifacts.reports.junit).toBe('reports/junit.xml');
    expect(gitlabJob.artifacts.paths).toContain('reports/report.html');
  });

  it('install the tarball of this version from the project, never by a name the registry does not have', () => {
    for (const line of [githubInstall.run!, gitlabInstall]) {
      expect(line).toContain(`./ci/scim-conformance-${version}.tgz`);
      expect(line).toMatch(/--no-save/);
    }
    for (const line of [githubRun.run!, gitlabRun]) expect(line).toMatch(/^npx --no-install scim-conformance /);
  });

  describe('the install step and the command, in an empty project, against a local server', () => {
    const run = promisify(exec);
    let target: Awaited<ReturnType<typeof startTarget>>;
    let tarball: string;
    beforeAll(async () => {
      target = await startTarget();
      tarball = await packTarball();
    }, 120_000);
    afterAll(() => target.close());

    it.each([
      ['GitHub Actions', () => [githubInstall.run!, githubRun.run!]],
      ['GitLab CI', () => [gitlabInstall, gitlabRun.replaceAll('"$SCIM_URL"', '$SCIM_URL')]],
    ])(
      '%s: install, wait loop and command pass and write the published files',
      async (_name, lines) => {
        // Asynchronous on purpose: the target server runs in this process and must keep answering.
        const work = mkdtempSync(join(tmpdir(), 'scimc-ci-'));
        writeFileSync(
          join(work, 'package.json'),
          JSON.stringify({ name: 'vendor-app', version: '1.0.0', private: true }),
        );
        mkdirSync(join(work, 'ci'));
        copyFileSync(tarball, join(work, 'ci', `scim-conformance-${version}.tgz`));
        const [install, command] = lines();
        const line = command!
          .replace('http://127.0.0.1:3000/scim/v2', target.url)
          .replace(/--reporter console,/, '--reporter ');
        const env = { ...process.env, SCIM_TOKEN: TEST_TOKEN, SCIM_URL: target.url, NO_COLOR: '1' };
        await run(install!, { cwd: work, env, timeout: 180_000 });
        await run(
          `timeout 10 bash -c 'until curl -s -o /dev/null "${target.url}/ServiceProviderConfig"; do sleep 1; done'`,
          { env },
        );
        await run(line, { cwd: work, env, timeout: 120_000 });
        for (const file of ['reports/junit.xml', 'reports/report.html', 'reports/results.json'])
          expect(existsSync(join(work, file)), file).toBe(true);
      },
      300_000,
    );
  });
});
