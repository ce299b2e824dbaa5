// The PostgreSQL flavour of a schema: same models, another datasource and client output.
export function toPostgresSchema(source) {
  const header = '// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs — do not edit.\n';
  const postgres =
    header +
    source
      .replace('provider = "sqlite"', 'provider = "postgresql"')
      .replace('url      = "file:./unused.db"', 'url      = "postgresql://unused@localhost/unused"')
      .replace('output     = "./generated/sqlite"', 'output     = "../generated/postgresql"');
  if (!postgres.includes('"postgresql"') || !postgres.includes('generated/postgresql')) {
    throw new Error('the SQLite schema no longer has the expected datasource/generator lines');
  }
  return postgres;
}
