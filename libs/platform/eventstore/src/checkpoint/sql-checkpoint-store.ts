import type { SqlExecutor, SqlQueryable } from '../sql-executor';
import type { CheckpointStore } from './checkpoint-store.port';
import { assertValidPosition } from './checkpoint-store.port';

/** Advisory-lock key (two-int form) in the event store's "MRDN" namespace; 1 and 2 belong to the event store. */
const migrationLock = `${0x4d52444e}, 3`;

/**
 * Checkpoints in the event store's own database (PostgreSQL or PGlite through
 * the same SqlExecutor), so backing up or restoring the events restores the
 * matching checkpoints with them. The executor stays owned by the caller.
 */
export class SqlCheckpointStore implements CheckpointStore {
  private constructor(private readonly db: SqlQueryable) {}

  /** Creates `relay_checkpoints` if missing. */
  static async open(db: SqlExecutor): Promise<SqlCheckpointStore> {
    await db.withTransaction(async (tx) => {
      // CREATE TABLE IF NOT EXISTS is not safe against a concurrent twin; take turns.
      await tx.query(`SELECT pg_advisory_xact_lock(${migrationLock})`);
      await tx.query(`CREATE TABLE IF NOT EXISTS relay_checkpoints (
        name text PRIMARY KEY,
        position bigint NOT NULL CHECK (position >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    });
    return new SqlCheckpointStore(db);
  }

  async load(name: string): Promise<number> {
    const rows = await this.db.query<{ position: string | number | bigint }>(
      'SELECT position FROM relay_checkpoints WHERE name = $1',
      [name],
    );
    return rows.length === 0 ? 0 : Number(rows[0].position);
  }

  async save(name: string, position: number): Promise<void> {
    assertValidPosition(position);
    // One statement: atomic, and the WHERE keeps the checkpoint monotonic.
    await this.db.query(
      `INSERT INTO relay_checkpoints (name, position, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = EXCLUDED.updated_at
       WHERE relay_checkpoints.position <= EXCLUDED.position`,
      [name, position],
    );
  }
}
