/**
 * Writes a file so that a crash at any moment leaves either the untouched original or the complete new file:
 * temp file in the same directory, fsync, rename over the original. The original's permission bits are kept;
 * the modification time becomes now (the content changed).
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const TEMP_MARKER = '.cftlint-tmp-';

export async function writeFileAtomic(filePath: string, data: Uint8Array | string): Promise<void> {
  const mode = (await stat(filePath).catch(() => undefined))?.mode;
  const temp = join(dirname(filePath), `.${basename(filePath)}${TEMP_MARKER}${process.pid}-${randomBytes(4).toString('hex')}`);
  const handle = await open(temp, 'wx', mode !== undefined ? mode & 0o7777 : 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temp, { force: true });
    throw error;
  } finally {
    await handle.close().catch(() => {});
  }
  try {
    await rename(temp, filePath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** `.<name>.cftlint-tmp-<pid>-<random>`, as writeFileAtomic names its temp files. */
const TEMP_NAME = /^\..+\.cftlint-tmp-(\d+)-[0-9a-f]+$/;

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes temp files that a killed run left behind in these folders (those of processes no longer running). */
export async function removeStaleTempFiles(dirs: Iterable<string>): Promise<number> {
  let removed = 0;
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const pid = TEMP_NAME.exec(name)?.[1];
      if (pid && Number(pid) !== process.pid && !isRunning(Number(pid))) {
        await rm(join(dir, name), { force: true });
        removed++;
      }
    }
  }
  return removed;
}
