import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api.ts';
import { useRunningSystem } from '../support/running-system.ts';
import { signInAs } from '../support/sign-in.ts';
import { watchApi } from '../support/ui.ts';
import { allocations, type Coturn, startCoturn } from './coturn.ts';
import {
  caseInMediation,
  enterWaitingRoom,
  expectPictures,
  STEP_TIMEOUT,
  scheduleAndOpenSession,
} from './journey-steps.ts';

interface IceAnswer {
  iceServers: { urls: string[]; username?: string; credential?: string }[];
  iceTransportPolicy: string;
}

/** What one of the page's peer connections reports about the path its media takes. */
interface PathStats {
  policy: string | undefined;
  state: string;
  local: { type: string; protocol: string; relayProtocol: string; address: string; port: number } | null;
  remoteType: string | null;
  bytesReceived: number;
  framesDecoded: number;
}

declare global {
  interface Window {
    /** Every RTCPeerConnection the page made (recorded by the init script below). */
    __peerConnections?: RTCPeerConnection[];
  }
}

/** Records the page's peer connections as it makes them, so the test can read their stats. */
async function recordPeerConnections(page: Page) {
  await page.addInitScript(() => {
    const made: RTCPeerConnection[] = [];
    window.__peerConnections = made;
    const Native = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Native {
      constructor(configuration?: RTCConfiguration) {
        super(configuration);
        made.push(this);
      }
    };
  });
}

/** The selected candidate pair and decoded video of each open peer connection in the page. */
const paths = (page: Page): Promise<PathStats[]> =>
  page.evaluate(async () => {
    const open = (window.__peerConnections ?? []).filter((pc) => pc.connectionState !== 'closed');
    return Promise.all(
      open.map(async (pc) => {
        const byId = new Map<string, Record<string, unknown>>();
        (await pc.getStats()).forEach((s: Record<string, unknown>) => {
          byId.set(s.id as string, s);
        });
        const all = [...byId.values()];
        const transport = all.find((s) => s.type === 'transport');
        const pair = byId.get(String(transport?.selectedCandidatePairId ?? ''));
        const local = pair ? byId.get(String(pair.localCandidateId)) : undefined;
        const remote = pair ? byId.get(String(pair.remoteCandidateId)) : undefined;
        const framesDecoded = all
          .filter((s) => s.type === 'inbound-rtp' && s.kind === 'video')
          .reduce((sum, s) => sum + Number(s.framesDecoded ?? 0), 0);
        return {
          policy: pc.getConfiguration().iceTransportPolicy,
          state: pc.connectionState,
          local: local
            ? {
                type: String(local.candidateType),
                protocol: String(local.protocol),
                relayProtocol: String(local.relayProtocol ?? ''),
                address: String(local.address ?? local.ip ?? ''),
                port: Number(local.port),
              }
            : null,
          remoteType: remote ? String(remote.candidateType) : null,
          bytesReceived: Number(pair?.bytesReceived ?? 0),
          framesDecoded,
        };
      }),
    );
  });

describe('session media through a TURN relay only (coturn)', () => {
  let turn: Coturn | undefined;
  // Without coturn the test fails with startCoturn's message (a failing hook would report it as skipped).
  let turnFailure: unknown;
  beforeAll(async () => {
    turn = await startCoturn().catch((error: unknown) => {
      turnFailure = error;
      return undefined;
    });
  });
  afterAll(async () => {
    await turn?.stop();
  });
  // Registered after coturn's hook, so its port and secret are known when the platform starts.
  const env = useRunningSystem('mediation', {
    media: true,
    env: (): Record<string, string> =>
      turn ? { SUTIAO_TURN_URLS: turn.url, SUTIAO_TURN_SECRET: turn.secret, SUTIAO_ICE_RELAY_ONLY: '1' } : {},
  });

  it('with SUTIAO_ICE_RELAY_ONLY the browsers get relay-only ICE with TURN credentials, and the mediator and the investor see each other through coturn', {
    timeout: 90_000,
  }, async () => {
    const coturn = turn;
    if (!coturn) throw turnFailure;
    const url = env.system.urls.mediation;
    const [mediatorPage, investorPage, firmPage, adminPage] = await Promise.all([
      signInAs(env.browser, url, 'mediator1'),
      signInAs(env.browser, url, 'investor1'),
      signInAs(env.browser, url, 'firm_huaxin'),
      signInAs(env.browser, url, 'center_admin'),
    ]);
    const [mediator, investor, firm, admin] = await Promise.all([
      apiAs(mediatorPage, url),
      apiAs(investorPage, url),
      apiAs(firmPage, url),
      apiAs(adminPage, url),
    ]);
    const inSession = [
      { who: 'mediator', page: mediatorPage, userId: mediator.me.user.id as string },
      { who: 'investor', page: investorPage, userId: investor.me.user.id as string },
    ];
    const failures = inSession.map(({ page }) => {
      page.setDefaultTimeout(STEP_TIMEOUT);
      return watchApi(page);
    });
    const iceAnswers = new Map<string, IceAnswer>();
    for (const { who, page } of inSession) {
      await recordPeerConnections(page);
      page.on('response', async (response) => {
        if (new URL(response.url()).pathname === '/api/sessions/ice-servers' && response.ok())
          iceAnswers.set(who, await response.json());
      });
    }

    const created = await caseInMediation({ investor, firm, mediator, admin });
    await scheduleAndOpenSession(mediatorPage, url, created.id);
    await enterWaitingRoom(mediatorPage, url, created.id);
    await mediatorPage.getByTestId('session-controls').waitFor();
    await enterWaitingRoom(investorPage, url, created.id);
    await investorPage.getByTestId('waiting-room').waitFor();
    await mediatorPage.getByRole('button', { name: `准许入场 ${investor.me.user.displayName}` }).click();
    await Promise.all(inSession.map(({ page }) => expectPictures(page, 1)));

    // What each browser was told: relay only, through this coturn, with credentials of its own user (TURN REST API).
    for (const { who, userId } of inSession) {
      const answer = iceAnswers.get(who);
      expect(answer?.iceTransportPolicy, who).toBe('relay');
      const server = answer?.iceServers.find((s) => s.urls.includes(coturn.url));
      expect(server?.username, who).toMatch(new RegExp(`^\\d{10,}:${userId}$`));
      expect(server?.credential, who).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    }

    // How the media went: every open connection's selected pair starts at a relayed candidate on coturn's relay
    // address (a relay-only connection has no other kind), and video was decoded from it.
    for (const { who, page } of inSession) {
      await expect
        .poll(async () => (await paths(page)).some((p) => p.local !== null), { timeout: STEP_TIMEOUT })
        .toBe(true);
      const seen = await paths(page);
      console.log(`turn ${who}: ${JSON.stringify(seen)}`);
      expect(seen, who).toHaveLength(1);
      for (const path of seen) {
        expect(path.policy, who).toBe('relay');
        expect(path.state, who).toBe('connected');
        expect(path.local, who).toMatchObject({ type: 'relay', relayProtocol: 'udp', address: '127.0.0.1' });
        expect(path.local?.port, who).not.toBe(coturn.port);
        expect(path.remoteType, who).toBe('relay');
        expect(path.framesDecoded, who).toBeGreaterThan(0);
        expect(path.bytesReceived, who).toBeGreaterThan(10_000);
      }
    }

    // Coturn's side: each browser's relayed candidate is an allocation this coturn made, for a REST username of
    // that participant's, and after the session ends its log counts the media it relayed between them.
    for (const { who, page } of inSession)
      for (const path of await paths(page))
        expect(coturn.log(), who).toContain(`Local relay addr: 127.0.0.1:${path.local?.port}`);
    await mediatorPage.getByRole('button', { name: '结束会话' }).click();
    await mediatorPage.getByRole('button', { name: /确\s*定|OK/ }).click();
    for (const { page } of inSession) await page.getByRole('heading', { name: '会话已结束。' }).waitFor();
    const relayed = (userId: string) =>
      allocations(coturn.log())
        .filter((a) => a.username.endsWith(`:${userId}`))
        .reduce((most, a) => Math.max(most, Math.min(a.peerBytes?.received ?? 0, a.peerBytes?.sent ?? 0)), 0);
    for (const { who, userId } of inSession) {
      await expect
        .poll(() => relayed(userId), { timeout: 15_000, message: `${who}: bytes coturn relayed` })
        .toBeGreaterThan(10_000);
      console.log(`turn ${who}: coturn relayed at least ${relayed(userId)} bytes each way`);
    }
    expect(failures.flat()).toEqual([]);
  });
});
