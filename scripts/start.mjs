#!/usr/bin/env node
// `npm start`: both platforms on one machine, each with its own embedded database under ./data/, demo data
// seeded once, talking over real HTTP on loopback. Ports: COURT_PORT (3100), MEDIATION_PORT (3200).
// The server runs from its JavaScript build (packages/server/dist), as in production: no TypeScript loader.
import { spawn } from 'node:child_process';
import { ensureInstalled, ensureServerBuilt, ensureWebBuilt } from './ensure-installed.mjs';

ensureInstalled();
ensureWebBuilt();
ensureServerBuilt();

const ports = { court: process.env.COURT_PORT ?? '3100', mediation: process.env.MEDIATION_PORT ?? '3200' };
const children = Object.entries(ports).map(([platform, port]) =>
  spawn(
    process.execPath,
    [
      'packages/server/dist/main.mjs',
      '--platform',
      platform,
      '--port',
      port,
      '--data-dir',
      `data/${platform}`,
      '--web-dist',
      'packages/web/dist',
      '--seed-demo',
      '--quiet',
    ],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        DATABASE_URL: '', // the demo always runs on the embedded databases
        SUTIAO_PEER_URL: `http://127.0.0.1:${platform === 'court' ? ports.mediation : ports.court}`,
      },
    },
  ),
);

console.log(
  `\n诉调通 Sutiao starting…\n  人民法院调解平台  court platform:     http://127.0.0.1:${ports.court}\n  中国投资者网在线调解平台 mediation platform: http://127.0.0.1:${ports.mediation}\n  Demo users and password: see README.md. Ctrl-C stops both.\n`,
);

const stop = (signal) => {
  for (const child of children) child.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
let exited = 0;
for (const child of children) {
  child.on('exit', (code) => {
    exited += 1;
    if (code && code !== 0) {
      console.error(`a platform exited with code ${code}; stopping the other`);
      stop('SIGTERM');
      process.exitCode = code;
    }
    if (exited === children.length) process.exit();
  });
}
