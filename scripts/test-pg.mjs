// Re-runs the server suite (and every other suite that talks to a back office) on PostgreSQL.
// DATABASE_URL names a database the tests may use to create their own fresh databases.
import { spawnSync } from 'node:child_process';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'test:pg needs DATABASE_URL, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run test:pg',
  );
  process.exit(2);
}
const projects = (process.env.PG_PROJECTS ?? 'server').split(',').flatMap((p) => ['--project', p]);
const result = spawnSync('npx', ['vitest', 'run', ...projects, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url },
});
process.exit(result.status ?? 1);
