import { Command, CommanderError } from 'commander';
import { registerServerCommand } from './commands/server';
import { registerStationCommand } from './commands/station';
import { registerImportCommand } from './commands/import';

const program = new Command()
  .name('storelink')
  .description('storelink: the back office and the sales stations of a retail chain, in sync.')
  .version('0.1.0')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerServerCommand(program);
registerStationCommand(program);
registerImportCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else {
    console.error(`storelink: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
