/**
 * Waiting, inside a test, for the suites declared before its own to end (issue 19, decisions/request-budget.md
 * "Session 5: the tail"). U-30 walks the whole unfiltered user listing and must do so while no other test creates or
 * deletes users; its preparation (its own users, some disabled) needs no such quiet. Its suite is declared after
 * every other concurrent suite (src/runner/suites.ts RUN_LAST), so it starts once every earlier test has started:
 * it prepares beside the last of them, then waits here before the walk, instead of starting only after all of them.
 *
 * vitest offers no event for "these tests have ended" to a running test, so the wait reads the tests' states in the
 * run's task tree every few milliseconds (a list that only shrinks; nothing else is computed).
 */

/** A vitest task, as far as the wait needs it: a test, a describe or the run's one file. */
export interface OrderTask {
  type: string;
  mode: string;
  result?: { state?: string };
  tasks?: OrderTask[];
  suite?: OrderTask;
  file: OrderTask;
}

/** States a test ends in (vitest marks a test 'run' when it is queued for a slot and while it runs). */
const ENDED = new Set(['pass', 'fail', 'skip', 'todo']);
const POLL_MS = 4;

/**
 * Resolves when every test of the suites declared before `task`'s own (the describes before its top-level describe in
 * the run's file) has ended, its cleanup included (the harness deletes a test's data inside the test). Tests that the
 * run leaves out (skip, todo, a tag filter) are not waited for. Rejects when `stopped()` turns true meanwhile (the run
 * was interrupted); vitest then ends the other tests too.
 */
export async function afterEarlierSuites(task: OrderTask, stopped: () => boolean = () => false): Promise<void> {
  let pending = testsBefore(task).filter(runs);
  while (pending.length > 0) {
    if (stopped()) throw new Error('not finished: the run was interrupted while this test waited for the other suites');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    pending = pending.filter(runs);
  }
}

/** A test that is part of the run and has not ended. */
function runs(test: OrderTask): boolean {
  return (test.mode === 'run' || test.mode === 'queued') && !ENDED.has(test.result?.state ?? '');
}

/** The tests under the file's children that come before the one holding `task`. */
function testsBefore(task: OrderTask): OrderTask[] {
  const file = task.file;
  let top: OrderTask = task;
  while (top.suite && top.suite !== file) top = top.suite;
  const children = file.tasks ?? [];
  const index = children.indexOf(top);
  return (index < 0 ? [] : children.slice(0, index)).flatMap(testsUnder);
}

function testsUnder(task: OrderTask): OrderTask[] {
  return task.type === 'test' ? [task] : (task.tasks ?? []).flatMap(testsUnder);
}
