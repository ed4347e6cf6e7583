import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../../reporters/junit.js';
import type { RunResult, TestResult } from '../../../src/model/result.js';
import { findTool, IN_CI, REPO_ROOT, sampleRun } from './helpers.js';

const XSDS = ['fixtures/junit/jenkins-junit.xsd', 'fixtures/junit/xunit-plugin-junit-10.xsd'];
const xmllint = findTool('xmllint');

function writeTemp(xml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'junit-')), 'junit.xml');
  writeFileSync(file, xml, 'utf8');
  return file;
}

/** Runs xmllint and returns its stderr; throws with the output when the file does not validate. */
function validate(xml: string, xsd: string): void {
  const file = writeTemp(xml);
  try {
    execFileSync(xmllint ?? 'xmllint', ['--noout', '--schema', join(REPO_ROOT, xsd), file], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string };
    throw new Error(`${xsd} rejected ${file}:\n${e.stderr ?? ''}${e.stdout ?? ''}`);
  }
}

function xpath(xml: string, expression: string): string {
  return execFileSync(xmllint ?? 'xmllint', ['--xpath', expression, writeTemp(xml)], { encoding: 'utf8' }).trim();
}

function withTests(tests: TestResult[], patch: Partial<RunResult> = {}): RunResult {
  const run = sampleRun();
  const passed = tests.filter((t) => t.status === 'passed').length;
  const failed = tests.filter((t) => t.status === 'failed').length;
  const warnings = tests.filter((t) => t.status === 'warning').length;
  return {
    ...run,
    ...patch,
    tests,
    summary: {
      ...run.summary,
      total: tests.length,
      passed,
      failed,
      warnings,
      skipped: tests.length - passed - failed - warnings,
    },
  };
}

const [, failedTest] = sampleRun().tests;
assert(failedTest, 'the sample run has a second test');
const hostileTest: TestResult = {
  ...failedTest,
  name: 'U-99 "quoted" <name> & \'apostrophe\' \uD800 lone surrogate \u0007 bell',
  failure: { kind: 'conformance', message: 'line one\nline two\ttabbed ]]> <b>bold</b> \u0000 nul', exchange: 0 },
};

describe('junit reporter: schema', () => {
  if (!xmllint && IN_CI) {
    it('xmllint is installed (CI needs Debian package libxml2-utils)', () => {
      throw new Error('xmllint not found: apt-get install -y libxml2-utils');
    });
  }
  const reason = xmllint ? '' : ' [SKIPPED: xmllint not installed; apt-get install -y libxml2-utils]';

  for (const xsd of XSDS) {
    it.skipIf(!xmllint)(`the sample validates against ${xsd}${reason}`, () => {
      validate(renderJunit(sampleRun()), xsd);
    });
    it.skipIf(!xmllint)(`hostile text and run errors still validate against ${xsd}${reason}`, () => {
      validate(
        renderJunit(withTests([hostileTest], { errors: ['suites/broken.test.ts failed to load: SyntaxError'] })),
        xsd,
      );
    });
    it.skipIf(!xmllint)(`an empty run validates against ${xsd}${reason}`, () => {
      validate(renderJunit(withTests([])), xsd);
    });
  }

  it.skipIf(!xmllint)(`parses back with the right totals and text${reason}`, () => {
    const xml = renderJunit(sampleRun());
    expect(xpath(xml, 'string(/testsuites/@tests)')).toBe('9');
    expect(xpath(xml, 'string(/testsuites/@failures)')).toBe('1');
    expect(xpath(xml, 'string(/testsuites/@errors)')).toBe('1');
    expect(xpath(xml, 'count(//testcase/skipped)')).toBe('1');
    expect(xpath(xml, 'string(//testsuite[@name="users"]/@failures)')).toBe('1');
    expect(xpath(xml, 'string(//testsuite[@name="groups"]/@errors)')).toBe('1');
    // The hostile body comes back as text, exactly as sent apart from forbidden characters.
    const failureBody = xpath(xml, 'string(//testcase[starts-with(@name,"U-14")]/failure)');
    expect(failureBody).toContain('<script>window.__xss = 1; alert(1)</script>');
    expect(failureBody).toContain('Unexpected token ]]> in "active" \uFFFD\uFFFD[31m');
  });
});

describe('junit reporter: content', () => {
  const xml = renderJunit(sampleRun());

  it('has one suite per area with totals, timestamp and hostname', () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(xml).toMatch(/<testsuites name="[^"]*" tests="9" failures="1" errors="1" time="33.412">/);
    expect(xml).toContain(
      '<testsuite name="users" tests="3" failures="1" errors="0" skipped="0" time="0.748" timestamp="2025-11-23T18:05:00" hostname="scim.example-vendor.test"',
    );
    expect(xml).toContain('<testsuite name="groups" tests="2" failures="0" errors="1" skipped="0"');
    expect(xml).toContain('<testsuite name="discovery" tests="2" failures="0" errors="0" skipped="1"');
    expect(xml).toContain('<testsuite name="auth" tests="2" failures="0" errors="0" skipped="0"');
    expect(xml.match(/<testsuite /g)).toHaveLength(4);
    expect(xml.match(/<testcase /g)).toHaveLength(9);
  });

  it('names test cases by behaviour id with the area as class name and time in seconds', () => {
    expect(xml).toContain(
      '<testcase name="U-14 Disable user: default mode (string &quot;False&quot;)" classname="SCIM users" time="0.422">',
    );
    expect(xml).toContain('classname="SCIM groups" time="30.012"');
    expect(xml).not.toMatch(/classname="[^"]*[./][^"]*"/);
    expect(xml).not.toMatch(/<testcase[^>]* file=/);
  });

  it('puts run facts in suite properties and per-test facts in system-out', () => {
    expect(xml).toContain('<property name="seed" value="424242"/>');
    expect(xml).toContain('<property name="target" value="https://scim.example-vendor.test/scim/v2"/>');
    expect(xml).toContain('<property name="tool.version" value="0.1.0"/>');
    for (const [name, value] of [
      ['verdict', 'not-ready'],
      ['verdict.headline', 'Not ready: 2 required behaviours fail'],
      ['fail-on', 'required'],
      ['count.total', '9'],
      ['count.passed', '4'],
      ['count.failed', '2'],
      ['count.warnings', '2'],
      ['count.skipped', '1'],
      ['required.checked', '5'],
      ['required.total', '5'],
    ])
      expect(xml).toContain(`<property name="${name}" value="${value}"/>`);
    expect(xml).toContain(
      '<system-out>behaviour: U-14\nlevel: required\nmode: default\nspec: rfc7644#section-3.5.2.3, entra:COMPAT\nprofile: entra-default\nseed: 424242',
    );
  });

  it('writes a conformance failure with a one-line message, id|level type and a full text body', () => {
    const failure = /<failure message="([^"]*)" type="U-14\|required">([\s\S]*?)<\/failure>/.exec(xml);
    expect(failure).not.toBeNull();
    const [, message, body] = failure ?? [];
    expect(message).not.toMatch(/\n|&#10;/);
    for (const part of [
      'Expected: HTTP 200',
      'Actual: HTTP 500',
      'What Entra would do: Entra retries',
      'Hint: Accept the string',
      'Spec:',
      'Exchange 1 of 2',
      'this exchange showed the failure',
      '&gt; PATCH https://scim.example-vendor.test/scim/v2/Users/',
      '&lt; 500 Internal Server Error',
      '&lt; x-request-id: req-7731',
      "curl -i --globoff -X 'PATCH'",
      'Authorization: Bearer $SCIM_TOKEN',
    ]) {
      expect(body).toContain(part);
    }
  });

  it('turns blocking transport and tool errors into <error>, not <failure>', () => {
    expect(xml).toMatch(
      /<error message="PATCH \/Groups\/\{id\} remove member: no response within 30 s \(timeout\)" type="G-07\|required">/,
    );
    expect(xml).toContain('! no complete response: timeout: no response headers within 30000 ms');
    expect(xml).not.toMatch(/<failure[^>]*type="G-07/);
  });

  it('writes warnings as passing test cases whose system-out starts with WARNING (<level>): the message', () => {
    expect(xml).not.toMatch(/<(failure|error)[^>]*\|recommended"/);
    const d22 = /<testcase name="D-22[^"]*"[^>]*>\n {6}<system-out>([\s\S]*?)<\/system-out>\n {4}<\/testcase>/.exec(
      xml,
    );
    expect(d22?.[1]).toMatch(/^WARNING \(recommended\): TypeError: /);
    expect(d22?.[1]).toContain('Level: recommended');
  });

  it('writes a known failure of the baseline run as a passing test case: KNOWN FAILURE (baseline)', () => {
    const run = sampleRun();
    const known = { ...run.tests[1]!, status: 'warning' as const, baseline: 'known' as const };
    const out = renderJunit(withTests([known]));
    expect(out).not.toMatch(/<failure|<error/);
    expect(out).toMatch(/<system-out>KNOWN FAILURE \(baseline\): PATCH \/Users\/\{id\} replace active/);
  });

  it('writes the skip reason as the text of <skipped>', () => {
    expect(xml).toContain(
      '<skipped>Profile entra-default does not check gallery-only behaviours (use --profile gallery).</skipped>',
    );
  });

  it('escapes markup and replaces characters XML 1.0 forbids', () => {
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    expect(xml).toContain('&lt;script&gt;window.__xss = 1; alert(1)&lt;/script&gt;');
    expect(xml).toContain(']]&gt;');
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const hostile = renderJunit(withTests([hostileTest]));
    expect(hostile).toContain(
      'name="U-99 &quot;quoted&quot; &lt;name&gt; &amp; \'apostrophe\' \uFFFD lone surrogate \uFFFD bell"',
    );
    expect(hostile).toContain('message="line one line two tabbed ]]&gt; &lt;b&gt;bold&lt;/b&gt; \uFFFD nul"');
    expect(hostile).not.toMatch(/[\uD800-\uDFFF]/u);
  });

  it('caps each body at 4 KB with a note', () => {
    const run = sampleRun();
    const big = structuredClone(run.tests[1]);
    assert(big, 'the sample run has a second test');
    const response = big.exchanges[0]?.response;
    if (response) response.body = 'x'.repeat(10_000);
    const out = renderJunit(withTests([big]));
    expect(out).toContain('truncated in this report: showing 4096 of 10000 characters');
    expect(out).not.toContain('x'.repeat(4097));
  });

  it('reports errors outside the tests as an erroring test case', () => {
    const out = renderJunit(withTests(sampleRun().tests, { errors: ['suites/broken.test.ts failed to load'] }));
    expect(out).toContain('<testsuite name="run" tests="1" failures="0" errors="1"');
    expect(out).toContain('<error message="suites/broken.test.ts failed to load" type="RUN|required">');
  });
});
