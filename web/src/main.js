// Entry of the full playground page (index.html).
import './style.css';
import { startPlayground } from './app.js';

startPlayground(document.getElementById('app')).then((api) => {
  window.__argosim = api; // a handle for the end-to-end tests and for curious users in devtools
});
