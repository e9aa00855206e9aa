// The signaling benchmark's anchor: a bare `ws` server relaying `{to, data}` frames between the clients of one room
// (the query string names the room and the user) — no session cookie, no database, no rules. It is the floor the
// platform's authorized, room-checked relay is compared with, in the same run.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? 3394);
const rooms = new Map();
const server = createServer((req, res) => {
  res.writeHead(req.url === '/api/health' ? 200 : 404).end('{}');
});
const wss = new WebSocketServer({ server });
wss.on('connection', (socket, req) => {
  const url = new URL(req.url ?? '/', 'http://anchor');
  const room = url.searchParams.get('room') ?? '';
  const user = url.searchParams.get('user') ?? '';
  if (!rooms.has(room)) rooms.set(room, new Map());
  rooms.get(room).set(user, socket);
  socket.on('message', (raw) => {
    const m = JSON.parse(raw.toString());
    rooms
      .get(room)
      .get(m.to)
      ?.send(JSON.stringify({ type: 'signal', from: user, data: m.data }));
  });
  socket.on('close', () => rooms.get(room).delete(user));
});
server.listen(port, '127.0.0.1');
