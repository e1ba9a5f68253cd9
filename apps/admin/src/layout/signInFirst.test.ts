import { expired, needsSignIn } from './signInFirst';

const jwt = (payload: object) => `h.${btoa(JSON.stringify(payload)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.s`;
const NOW = Date.parse('2026-11-30T10:00:00Z');

describe('sending a visitor who is not signed in straight to the sign-in page', () => {
  it('sends an anonymous visitor of any route but /login there', () => {
    for (const hash of ['', '#/', '#/complaints/abc/show', '#/intake?x=1']) expect(needsSignIn(hash, null, NOW)).toBe(true);
    expect(needsSignIn('#/login', null, NOW)).toBe(false);
    expect(needsSignIn('#/login?next=1', null, NOW)).toBe(false);
  });

  it('lets an anonymous visitor open an invitation, a reset link or the sign-on callback', () => {
    for (const hash of ['#/accept-invitation?token=abc', '#/reset-password?token=abc', '#/sso-callback?code=x&state=y']) {
      expect(needsSignIn(hash, null, NOW)).toBe(false);
    }
  });

  it('treats an expired token as anonymous and leaves a valid one to the API', () => {
    expect(expired(jwt({ exp: NOW / 1000 - 1 }), NOW)).toBe(true);
    expect(expired(jwt({ exp: NOW / 1000 + 3600 }), NOW)).toBe(false);
    expect(expired('not-a-jwt', NOW)).toBe(false);
    expect(expired('a.%%%.b', NOW)).toBe(false);
    expect(needsSignIn('#/', jwt({ exp: NOW / 1000 + 3600 }), NOW)).toBe(false);
    expect(needsSignIn('#/', jwt({ exp: NOW / 1000 - 60 }), NOW)).toBe(true);
  });
});
