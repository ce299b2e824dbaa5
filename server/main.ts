export {};
// Entry point: `npm start` (production build) or `npm run dev` (hot reload).
const dev = process.argv.includes('--dev');
// Next decides its mode from NODE_ENV when it is imported, so set it first.
Object.assign(process.env, { NODE_ENV: dev ? 'development' : 'production' });

const { ConfigError } = await import('./config');
const { startServer } = await import('./start-server');

try {
  const running = await startServer({ dev });
  const stop = (signal: string) => {
    const guard = setTimeout(() => {
      console.error('shutdown took longer than 15 s; exiting');
      process.exit(1);
    }, 15_000);
    running
      .shutdown(signal)
      .then((flushed) => process.exit(flushed ? 0 : 1))
      .finally(() => clearTimeout(guard));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error('Samlet failed to start:', error);
  process.exit(1);
}
