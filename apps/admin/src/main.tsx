import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { tokenStore } from './graphql/client';
import { userStore } from './authProvider';
import { sendAnonymousVisitorToSignIn } from './layout/signInFirst';

sendAnonymousVisitorToSignIn(tokenStore.get(), () => {
  tokenStore.clear();
  userStore.clear();
});

// The identity provider sends the browser back to /sso/callback?code=…&state=…; the console's routes live in the hash.
if (window.location.pathname === '/sso/callback') {
  window.location.replace(`/#/sso-callback${window.location.search}`);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
