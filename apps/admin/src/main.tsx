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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
