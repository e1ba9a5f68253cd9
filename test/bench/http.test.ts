import { createServer, type Server } from 'node:http';
import { benchGraphQL, failures, judgeGraphQLResponse } from './http';

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
        response.end(served % 2
          ? JSON.stringify({ data: { submitComplaint: { id: `c${served}` } } })
          : JSON.stringify({ errors: [{ message: 'The form has 1 problem(s)', extensions: { code: 'BAD_USER_INPUT', reason: 'FORM_INVALID' } }], data: null }));
      });
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('counts HTTP 200 responses carrying GraphQL errors as failures, by reason', async () => {
    const run = await benchGraphQL('half refused', url, { query: '{ x }' }, { amount: 40, connections: 1, keepData: true });
    expect(run.non2xx).toBe(0);
    expect(run.succeeded).toBe(20);
    expect(run.graphqlErrors).toBe(20);
    expect(failures(run)).toBe(20);
    expect(run.failuresByCode).toEqual({ FORM_INVALID: 20 });
    expect(run.data).toHaveLength(20);
  });

  it('judges bodies like a client: errors, missing data and non-JSON are failures', () => {
    expect(judgeGraphQLResponse(200, '{"data":{"me":{"id":"1"}}}')).toEqual({ ok: true, data: { me: { id: '1' } } });
    expect(judgeGraphQLResponse(200, '{"errors":[{"message":"x","extensions":{"code":"FORBIDDEN"}}],"data":null}')).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(judgeGraphQLResponse(200, '{"data":null}')).toEqual({ ok: false, code: 'NO_DATA' });
    expect(judgeGraphQLResponse(200, '<html>')).toEqual({ ok: false, code: 'NOT_JSON' });
    expect(judgeGraphQLResponse(502, '')).toEqual({ ok: false, code: 'HTTP 502' });
  });
});
