import pino from 'pino';

/**
 * Structured JSON logs. Case content never goes into a log line: log ids,
 * counts and codes only. The redaction list is a safety net, not the rule.
 */
export function createLogger(level: string) {
  return pino({
    level,
    base: { service: 'samlet' },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.passwordHash'],
      censor: '[redacted]',
    },
  });
}

export type Logger = ReturnType<typeof createLogger>;
