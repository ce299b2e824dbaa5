import { ConfigError, parseEnvironment, type Environment } from '../config';

/**
 * The environment a command-line tool runs with, validated by the same
 * schema as the server's: a bad value stops the tool with the message the
 * server would give (exit code 2), instead of a tool working on another
 * database than the server, or with another retention period.
 */
export function loadCliEnvironment(): Environment {
  try {
    return parseEnvironment(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
