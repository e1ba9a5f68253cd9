import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { startChild } from './child';
import { driveGraphQL, failures, judgeGraphQLResponse, numberingProblems, type HttpFigures } from './http';

/**
 * The benchmark's HTTP driver must count a GraphQL error as a failure: GraphQL answers refusals with HTTP 200 and
 * an `errors` array, and counting only non-2xx reported the throughput of refusals as intake throughput.
 */
describe('benchmark HTTP driver', () => {
  let server: Server;
  let url = '';
  let served = 0;
  beforeAll(async () => {
    // Every other request is refused the GraphQL way: HTTP 200, `errors`, no data.
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        served += 1;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          served % 2
            ? JSON.stringify({ data: { submitComplaint: { id: `c${served}` } } })
            : JSON.stringify({
                errors: [{ message: 'The form has 1 problem(s)', extensions: { code: 'BAD_USER_INPUT', reason: 'FORM_INVALID' } }],
                data: null,
              }),
        );
      });
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('counts HTTP 200 responses carrying GraphQL errors as failures, by reason', async () => {
    const run = await driveGraphQL('half refused', [{ url, connections: 1 }], { query: '{ x }' }, { amount: 40, keepData: true });
    expect(run.non2xx).toBe(0);
    expect(run.succeeded).toBe(20);
    expect(run.graphqlErrors).toBe(20);
    expect(failures(run)).toBe(20);
    expect(run.failuresByCode).toEqual({ FORM_INVALID: 20 });
    expect(run.data).toHaveLength(20);
  });

  it('judges the same way from its own process, with a fixed amount split over two targets', async () => {
    // The benchmark's load generator is a child process (it must not share the API's event loop): the verdicts and
    // the kept data cross the process boundary intact.
    const load = await startChild(join(__dirname, 'load-process.ts'));
    try {
      const run = await load.call<HttpFigures>(
        'drive',
        'two targets',
        [
          { url, connections: 1 },
          { url, connections: 3 },
        ],
        { query: '{ x }' },
        { amount: 40, keepData: true },
      );
      expect(run.succeeded + run.graphqlErrors).toBe(40);
      expect(run.failuresByCode.FORM_INVALID).toBe(run.graphqlErrors);
      expect(run.data).toHaveLength(run.succeeded);
      expect(run.p99Ms).toBeGreaterThanOrEqual(run.p50Ms);
    } finally {
      await load.stop();
    }
  });

  it('finds holes and duplicates in the monthly complaint serials, per tenant and month', () => {
    const row = (tenant_id: string, number: string) => ({ tenant_id, number });
    expect(numberingProblems([row('a', '2611-0002'), row('a', '2611-0001'), row('b', '2611-0001'), row('a', '2612-0001')])).toEqual([]);
    expect(numberingProblems([row('a', '2611-0001'), row('a', '2611-0003'), row('a', '2611-0003'), row('a', '2611-10000')])).toEqual([
      'a 2611-: duplicate serials 3',
      'a 2611-: missing serials 2, 4, 5, 6, 7, 8, 9, 10, 11, 12 (9997 in all)',
    ]);
    expect(numberingProblems([row('a', '2611000001')])).toEqual(['2611000001: no serial after a separator']);
  });

  it('judges bodies like a client: errors, missing data and non-JSON are failures', () => {
    expect(judgeGraphQLResponse(200, '{"data":{"me":{"id":"1"}}}')).toEqual({ ok: true, data: { me: { id: '1' } } });
    expect(judgeGraphQLResponse(200, '{"errors":[{"message":"x","extensions":{"code":"FORBIDDEN"}}],"data":null}')).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(judgeGraphQLResponse(200, '{"data":null}')).toEqual({ ok: false, code: 'NO_DATA' });
    expect(judgeGraphQLResponse(200, '<html>')).toEqual({ ok: false, code: 'NOT_JSON' });
    expect(judgeGraphQLResponse(502, '')).toEqual({ ok: false, code: 'HTTP 502' });
  });
});
