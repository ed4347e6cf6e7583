/**
 * What a generated stateful case may cost (issue 19, decisions/request-budget.md "Session 5"): a number of requests,
 * not of commands. A generated command runs only while the requests of the commands that ran before it in the same
 * case, plus its own, stay within the case's budget (each command says what it costs on a target that answers as
 * Entra expects: `requests`); one that does not fit is skipped like a command whose precondition fails, and a cheaper
 * one after it may still run. The count lives in the case's model, so it starts at 0 for every case, for every case
 * tried while shrinking, and for a replay by --seed and path: nothing is carried from one case to the next. The
 * estimate, not the requests actually sent, decides, so the same sequence runs the same commands on every target.
 *
 * Sequences are generated with at least a given number of commands, so that nearly every case spends its whole
 * budget: a case then costs the same whatever the seed, and a run's total with it.
 */
import fc from 'fast-check';
import type { DirectoryModel, DirectorySystem } from './model.js';

type Command = fc.AsyncCommand<DirectoryModel, DirectorySystem>;

/** A command that says how many requests it sends, the later DELETE of what it creates included. */
export type CostedCommand = Command & { readonly requests: number };

/** `command`, run only while its case's requests stay within `budget`. Prints as the command does. */
export class WithinBudget implements Command {
  constructor(
    readonly command: CostedCommand,
    readonly budget: number,
  ) {}
  check(model: Readonly<DirectoryModel>): boolean {
    return model.requests + this.command.requests <= this.budget && this.command.check(model);
  }
  async run(model: DirectoryModel, system: DirectorySystem): Promise<void> {
    model.requests += this.command.requests;
    await this.command.run(model, system);
  }
  toString(): string {
    return this.command.toString();
  }
}

/** Draws before a shorter sequence is taken as it is (about one draw in ten or eleven has the full length). */
const MAX_DRAWS = 64;

/**
 * Sequences of `commands` (an `fc.commands` arbitrary) holding at least `min` commands when generated: drawn again
 * from the same random stream until one is long enough, so the same seed gives the same sequence. Shrinking is
 * fast-check's own (it removes commands and simplifies them), so a counterexample may be shorter.
 */
export class AtLeast<T> extends fc.Arbitrary<Iterable<T>> {
  constructor(
    private readonly commands: fc.Arbitrary<Iterable<T>>,
    private readonly min: number,
  ) {
    super();
  }
  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<Iterable<T>> {
    let drawn = this.commands.generate(mrng, biasFactor);
    // value_, not value: reading `value` would hand the run a clone, and fast-check shrinks by the original's commands.
    for (let draws = 1; draws < MAX_DRAWS && [...drawn.value_].length < this.min; draws++)
      drawn = this.commands.generate(mrng, biasFactor);
    return drawn;
  }
  canShrinkWithoutContext(value: unknown): value is Iterable<T> {
    return this.commands.canShrinkWithoutContext(value);
  }
  shrink(value: Iterable<T>, context: unknown): fc.Stream<fc.Value<Iterable<T>>> {
    return this.commands.shrink(value, context);
  }
}
