#!/usr/bin/env node
// The `tayang` command line: thin over src/lib. Each command lives in scripts/commands/<nama>.ts
// and exports `register(program)`; heavy modules are imported inside the actions so `--help`
// stays fast.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { makeCommand } from './cli.ts';

const commandsDir = fileURLToPath(new URL('./commands/', import.meta.url));
const program = makeCommand('tayang')
  .description('Tayang — SOP publikasi kantor pemerintah sebagai repositori Git.')
  .usage('<perintah> [pilihan]')
  .version('0.1.0', '-v, --versi', 'tampilkan versi');

const files = readdirSync(commandsDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
for (const file of files) {
  const module = (await import(new URL(`./commands/${file}`, import.meta.url).href)) as { register: (program: Command) => void };
  module.register(program);
}

await program.parseAsync(process.argv);
