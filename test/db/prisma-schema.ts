/** A small reader for prisma/schema.prisma — enough of the language for the drift test to know what it declares. */
export interface Column { name: string; type: string; nullable: boolean; hasDefault: boolean }
export interface Table {
  name: string;
  columns: Column[];
  primaryKey: string[];
  uniques: string[][];
  indexes: string[][];
  foreignKeys: { columns: string[]; references: string; onDelete: string }[];
}

const SCALARS: Record<string, (native: string | undefined) => string> = {
  String: () => 'text',
  Int: () => 'integer',
  BigInt: () => 'bigint',
  Boolean: () => 'boolean',
  DateTime: (n) => (n?.startsWith('Timestamptz') ? `timestamptz(${/\((\d+)\)/.exec(n)?.[1] ?? 3})` : 'timestamp(3)'),
  Decimal: (n) => `numeric(${/\(([\d, ]+)\)/.exec(n ?? '')?.[1]?.replace(/\s/g, '') ?? '65,30'})`,
};
const list = (s: string) => s.split(',').map((x) => x.trim().replace(/^"|"$/g, '')).filter(Boolean);

export function readPrismaSchema(text: string): Table[] {
  const models = [...text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)];
  return models.map(([, name, body]) => {
    const table: Table = { name, columns: [], primaryKey: [], uniques: [], indexes: [], foreignKeys: [] };
    for (const raw of body.split('\n')) {
      const line = raw.replace(/\/\/.*$/, '').trim();
      if (!line) continue;
      const block = /^@@(id|unique|index)\(\[([^\]]*)\]/.exec(line);
      if (block) {
        const cols = list(block[2]);
        if (block[1] === 'id') table.primaryKey = cols;
        else (block[1] === 'unique' ? table.uniques : table.indexes).push(cols);
        continue;
      }
      const field = /^(\w+)\s+(\w+)(\[\]|\?)?\s*(.*)$/.exec(line);
      if (!field) continue;
      const [, fname, ftype, modifier, attrs] = field;
      const relation = /@relation\(fields: \[([^\]]*)\], references: \[[^\]]*\](?:, onDelete: (\w+))?/.exec(attrs);
      if (relation) table.foreignKeys.push({ columns: list(relation[1]), references: ftype, onDelete: (relation[2] ?? 'Restrict').toUpperCase() });
      if (!(ftype in SCALARS) || modifier === '[]') continue;
      table.columns.push({ name: fname, type: SCALARS[ftype](/@db\.(\w+(?:\([^)]*\))?)/.exec(attrs)?.[1]), nullable: modifier === '?', hasDefault: attrs.includes('@default(') });
      if (attrs.includes('@id')) table.primaryKey = [fname];
      if (/@unique\b/.test(attrs)) table.uniques.push([fname]);
    }
    return table;
  });
}
