/** --shard i/n: a deterministic slice of the sorted file list, dealt round-robin so every shard gets a fair share. */
export interface Shard {
  index: number;
  count: number;
}

export class ShardError extends Error {}

export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new ShardError(`--shard expects i/n with 1 <= i <= n, e.g. --shard 2/4; got '${value}'`);
  return { index, count };
}

export function selectShard<T extends string>(sortedFiles: T[], shard: Shard): T[] {
  return sortedFiles.filter((_, i) => i % shard.count === shard.index - 1);
}
