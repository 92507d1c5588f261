import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export type DataDirLock = Readonly<{ release: () => Promise<void> }>;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite does not lock its data directory, and two processes on one directory
 * each keep writing their own view and lose the other's commits. This lock
 * file holds the owner's pid; a lock left by a crashed process is taken over.
 */
export const lockDataDir = async (dataDir: string): Promise<DataDirLock> => {
  const path = join(dataDir, 'meridian.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(path, 'wx');
      await file.writeFile(String(process.pid));
      await file.close();
      return { release: () => unlink(path).catch(() => undefined) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new Error(`embedded event store ${dataDir} is in use by process ${owner}; only one process may open a data directory`);
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new Error(`could not lock embedded event store ${dataDir}`);
};
