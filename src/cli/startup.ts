import { loadChannelsConfig } from "../channels/channels-config.js";
import { loadConfig, type Config } from "../config.js";

function exitWith(line: string): never {
  console.error(line);
  process.exit(1);
}

/** For command-line entry points: the validated configuration, or one line naming the bad variable and exit 1. */
export function configOrExit(): Config {
  const loaded = loadConfig();
  if (!loaded.ok) exitWith(loaded.error);
  // The other channels' settings (src/channels/channels-config.ts) are checked at start-up too.
  const channels = loadChannelsConfig();
  if (!channels.ok) exitWith(channels.error);
  return loaded.config;
}
