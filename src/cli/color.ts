/** Set to something: an empty variable counts as unset, as https://no-color.org has it. */
const isSet = (value: string | undefined): value is string => value !== undefined && value !== '';

/**
 * Whether findings are printed in colour. In order, the first that applies decides:
 *
 * 1. `--color` or `--no-color` (`flag`, the last one given);
 * 2. `FORCE_COLOR`: colour, unless it is `0` (or `false`), which means none, as Node takes it;
 * 3. `NO_COLOR` set to anything: none;
 * 4. a terminal, unless `TERM=dumb`: colour. A pipe or a file: none.
 */
export function useColor(flag: boolean | undefined, isTTY: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag !== undefined) return flag;
  if (isSet(env.FORCE_COLOR)) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (isSet(env.NO_COLOR)) return false;
  return isTTY && env.TERM !== 'dumb';
}
