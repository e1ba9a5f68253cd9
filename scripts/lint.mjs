// `npm run lint`: ESLint and Prettier's check side by side. Each is single-threaded and CI has two cores, so running
// them together halves the wait; the lint fails when either fails, after both have printed their findings.
import { spawn } from 'node:child_process';

const run = (command, args) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });

const codes = await Promise.all([run('eslint', ['.']), run('prettier', ['--check', '.', '--log-level', 'warn'])]);
process.exit(codes.find((code) => code !== 0) ?? 0);
