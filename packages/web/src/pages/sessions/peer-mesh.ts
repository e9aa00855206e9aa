/**
 * This browser's peer connections in a session: one RTCPeerConnection to each room mate (a mesh, up to six people).
 * Of two people, the one with the smaller user id makes the offer, so a pair never offers twice. When the server
 * says who is in this browser's room (`setMates`), connections to anyone else are closed at once — so after a move
 * into or out of a caucus no media flows across rooms from this side either.
 */
export type SignalData =
  | { description: RTCSessionDescriptionInit }
  | { candidate: RTCIceCandidateInit }
  | { bye: true };

interface Peer {
  pc: RTCPeerConnection;
  /** Candidates that arrived before the remote description. */
  pending: RTCIceCandidateInit[];
}

export class PeerMesh {
  private readonly peers = new Map<string, Peer>();
  private mates = new Set<string>();

  constructor(
    private readonly selfId: string,
    private readonly local: MediaStream | null,
    private readonly iceServers: RTCIceServer[],
    private readonly iceTransportPolicy: RTCIceTransportPolicy,
    private readonly send: (to: string, data: SignalData) => void,
    private readonly onRemote: (userId: string, stream: MediaStream | null) => void,
  ) {}

  /** Connects to exactly these people (this browser's room mates, admitted), closing every other connection. */
  setMates(ids: readonly string[]) {
    this.mates = new Set(ids);
    for (const id of [...this.peers.keys()]) if (!this.mates.has(id)) this.drop(id);
    for (const id of ids) if (!this.peers.has(id) && this.selfId < id) void this.call(id);
  }

  async onSignal(from: string, data: SignalData) {
    if ('bye' in data) {
      this.drop(from);
      return;
    }
    if ('description' in data) {
      const { description } = data;
      if (description.type === 'offer') {
        // A fresh offer replaces whatever this pair had (the other side reconnected).
        if (this.peers.has(from)) this.drop(from);
        const peer = this.open(from);
        await peer.pc.setRemoteDescription(description);
        await this.flush(peer);
        await peer.pc.setLocalDescription(await peer.pc.createAnswer());
        if (peer.pc.localDescription) this.send(from, { description: peer.pc.localDescription.toJSON() });
      } else {
        const peer = this.peers.get(from);
        if (peer?.pc.signalingState !== 'have-local-offer') return;
        await peer.pc.setRemoteDescription(description);
        await this.flush(peer);
      }
      return;
    }
    const peer = this.peers.get(from);
    if (!peer) return;
    if (peer.pc.remoteDescription) await peer.pc.addIceCandidate(data.candidate).catch(() => undefined);
    else peer.pending.push(data.candidate);
  }

  /** Frames decoded from each person, summed over their video streams (the connection-quality figure). */
  async framesDecoded(): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const [id, peer] of this.peers) {
      let frames = 0;
      const report = await peer.pc.getStats();
      report.forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') frames += Number(s.framesDecoded ?? 0);
      });
      out.set(id, frames);
    }
    return out;
  }

  close() {
    for (const id of [...this.peers.keys()]) this.drop(id);
  }

  private async call(id: string) {
    const peer = this.open(id);
    await peer.pc.setLocalDescription(await peer.pc.createOffer());
    if (peer.pc.localDescription) this.send(id, { description: peer.pc.localDescription.toJSON() });
  }

  private open(id: string): Peer {
    const pc = new RTCPeerConnection({
      iceServers: this.iceServers,
      iceTransportPolicy: this.iceTransportPolicy,
    });
    const peer: Peer = { pc, pending: [] };
    this.peers.set(id, peer);
    if (this.local && this.local.getTracks().length > 0) {
      for (const track of this.local.getTracks()) pc.addTrack(track, this.local);
      if (this.local.getVideoTracks().length === 0) pc.addTransceiver('video', { direction: 'recvonly' });
    } else {
      pc.addTransceiver('audio', { direction: 'recvonly' });
      pc.addTransceiver('video', { direction: 'recvonly' });
    }
    pc.onicecandidate = (e) => {
      if (e.candidate) this.send(id, { candidate: e.candidate.toJSON() });
    };
    pc.ontrack = (e) => this.onRemote(id, e.streams[0] ?? new MediaStream([e.track]));
    return peer;
  }

  private async flush(peer: Peer) {
    for (const candidate of peer.pending.splice(0))
      await peer.pc.addIceCandidate(candidate).catch(() => undefined);
  }

  private drop(id: string) {
    const peer = this.peers.get(id);
    if (!peer) return;
    this.peers.delete(id);
    peer.pc.close();
    this.onRemote(id, null);
  }
}
