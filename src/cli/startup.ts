import { loadConfig, type Config } from "../config.js";

/** For command-line entry points: the validated configuration, or one line naming the bad variable and exit 1. */
export function configOrExit(): Config {
  const loaded = loadConfig();
  if (!loaded.ok) {
    console.error(loaded.error);
    process.exit(1);
  }
  return loaded.config;
}
