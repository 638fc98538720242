/** Local stub upstreams for the e2e servers (loopback only). */
import { startStubServer } from './server';

const port = Number(process.env.STUB_PORT ?? 3190);
startStubServer(port).then(() => console.log(`stub upstreams on http://127.0.0.1:${port}`));
