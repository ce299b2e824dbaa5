// Generates the PostgreSQL schema from the SQLite one and both Prisma clients.
// Prisma fixes a datasource's provider per schema file, so one model serving
// both databases needs two schema files; only prisma/schema.prisma is edited.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { toPostgresSchema } from './postgres-schema.mjs';

const postgres = toPostgresSchema(readFileSync('prisma/schema.prisma', 'utf8'));
mkdirSync('prisma/postgresql', { recursive: true });
writeFileSync('prisma/postgresql/schema.prisma', postgres);

for (const schema of ['prisma/schema.prisma', 'prisma/postgresql/schema.prisma']) {
  execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate', '--schema', schema], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
  });
}
console.log('prisma: generated clients for sqlite and postgresql');
