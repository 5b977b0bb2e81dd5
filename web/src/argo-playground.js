// <argo-playground> — a script-tag web component for documentation pages. The YAML goes inline in the element
// (ideally inside <script type="text/yaml">, which the browser never runs or reflows); the component shows the
// playground's embed.html in an iframe, passing the text as a #v1: share state. Attributes:
//   mode="readonly|editable"  theme="light|dark"  panels="timeline,why"  example="<gallery id>"  height="520"
import { encodeState } from './share.js';
import { dedent } from './dedent.js';

const EMBED_URL = new URL('./embed.html', import.meta.url.replace(/\/assets\/[^/]*$/, '/'));

class ArgoPlayground extends HTMLElement {
  static get observedAttributes() {
    return ['mode', 'theme', 'panels', 'example', 'height'];
  }

  connectedCallback() {
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
    this.update();
  }

  attributeChangedCallback() {
    if (this.shadowRoot) this.update();
  }

  async update() {
    const source = this.querySelector('script[type="text/yaml"], script[type="application/yaml"]');
    const text = dedent(source ? source.textContent : this.textContent);
    const url = new URL(EMBED_URL);
    url.searchParams.set('mode', this.getAttribute('mode') === 'editable' ? 'editable' : 'readonly');
    for (const name of ['theme', 'panels']) {
      const v = this.getAttribute(name);
      if (v) url.searchParams.set(name, v);
    }
    const example = this.getAttribute('example');
    if (example && !text.trim()) url.searchParams.set('example', example);
    else url.hash = await encodeState(text);
    let frame = this.shadowRoot.querySelector('iframe');
    if (!frame) {
      frame = document.createElement('iframe');
      frame.title = this.getAttribute('title') || 'argosim playground';
      frame.loading = 'lazy';
      frame.style.width = '100%';
      frame.style.border = '1px solid #d0d7de';
      frame.style.borderRadius = '8px';
      this.shadowRoot.append(frame);
    }
    frame.style.height = `${Number(this.getAttribute('height')) || 560}px`;
    if (frame.src !== url.href) frame.src = url.href;
  }
}

if (!customElements.get('argo-playground')) customElements.define('argo-playground', ArgoPlayground);
