// Entry of embed.html: the playground inside an iframe, configured by the query string.
//   ?example=<id> | #v1:<state>       what to show
//   &mode=readonly|editable           (default readonly)
//   &theme=light|dark                 (default: the system's)
//   &panels=editor,timeline,why,events (default: all four)
//   &autoplay=0                       (default 1)
import './style.css';
import { startPlayground } from './app.js';
import { embedOptions } from './embed-options.js';

startPlayground(document.getElementById('app'), embedOptions(location.search, location.hash)).then((api) => {
  window.__argosim = api;
});
