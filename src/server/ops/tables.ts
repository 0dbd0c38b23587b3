import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

export type TableInfo = { name: string; columns: string[]; primaryKey: string[]; dependsOn: string[] };

const INTERNAL = /^kysely_/;

/**
 * The application's tables with their columns, primary keys and foreign-key parents, read from the
 * live database so that every table a migration adds is covered without a list to keep up to date.
 */
export async function listTables(database: Database): Promise<TableInfo[]> {
  const schema = database.dialect === 'postgres' ? await postgresSchema(database) : undefined;
  const tables = (await database.db.introspection.getTables()).filter((t) => !INTERNAL.test(t.name) && (!schema || t.schema === schema));
  const infos: TableInfo[] = [];
  for (const table of tables) {
    const { primaryKey, dependsOn } = database.dialect === 'sqlite' ? await sqliteKeys(database, table.name) : await postgresKeys(database, table.name);
    infos.push({ name: table.name, columns: table.columns.map((c) => c.name), primaryKey, dependsOn });
  }
  return sortByDependencies(infos);
}

async function postgresSchema(database: Database): Promise<string> {
  if (database.schema) return database.schema;
  const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db);
  return result.rows[0]?.schema ?? 'public';
}

async function sqliteKeys(database: Database, table: string) {
  const cols = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${table})`.execute(database.db);
  const fks = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${table})`.execute(database.db);
  return {
    primaryKey: cols.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
    dependsOn: [...new Set(fks.rows.map((f) => f.table))],
  };
}

async function postgresKeys(database: Database, table: string) {
  const schema = await postgresSchema(database);
  const pk = await sql<{ column_name: string }>`
    select kcu.column_name from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    where tc.table_schema = ${schema} and tc.table_name = ${table} and tc.constraint_type = 'PRIMARY KEY'
    order by kcu.ordinal_position`.execute(database.db);
  const fks = await sql<{ parent: string }>`
    select distinct ccu.table_name as parent from information_schema.table_constraints tc
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.table_schema = ${schema} and tc.table_name = ${table} and tc.constraint_type = 'FOREIGN KEY'`.execute(database.db);
  return { primaryKey: pk.rows.map((r) => r.column_name), dependsOn: fks.rows.map((r) => r.parent) };
}

/** Parents before children, so rows can be inserted with foreign keys enforced. */
function sortByDependencies(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const out: TableInfo[] = [];
  const seen = new Set<string>();
  const visit = (t: TableInfo, stack: Set<string>) => {
    if (seen.has(t.name) || stack.has(t.name)) return;
    stack.add(t.name);
    for (const parent of t.dependsOn) {
      const p = byName.get(parent);
      if (p && p.name !== t.name) visit(p, stack);
    }
    seen.add(t.name);
    out.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t, new Set());
  return out;
}
