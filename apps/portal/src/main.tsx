import { createRoot } from 'react-dom/client';
import { App } from './App';
import './portal.css';

performance.mark('portal-start');
createRoot(document.getElementById('root')!).render(<App />);
