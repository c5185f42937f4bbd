import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createTestServer,
  pairMovementStation,
  salePayload,
  seedMovementMasterData,
  type TestServer,
} from '@storelink/testing';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
  await seedMovementMasterData(t);
});
afterAll(() => t.close());

it('smoke', async () => {
  const a = await pairMovementStation(t, { station: 'A1' });
  const res = await a.send([a.movement('sale.completed', salePayload())]);
  console.log(JSON.stringify(res.body, null, 1));
  expect(res.status).toBe(200);
});
