// The YAML editor: CodeMirror 6 with a minimal setup (no basicSetup: smaller), YAML highlighting and the
// engine's diagnostics as lint markers.
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection, highlightSpecialChars } from '@codemirror/view';
import { EditorState, Compartment } from '@codemirror/state';
import { history, defaultKeymap, historyKeymap } from '@codemirror/commands';
import { syntaxHighlighting, indentOnInput, bracketMatching, indentUnit } from '@codemirror/language';
import { setDiagnostics, lintGutter, lintKeymap } from '@codemirror/lint';
import { yaml } from '@codemirror/lang-yaml';
import { classHighlighter } from '@lezer/highlight';
import editorCss from './editor.css?inline';

/** 1-based line:column → document offset, clamped into the document. */
export function offsetOf(doc, line, column) {
  const ln = doc.line(Math.min(Math.max(line || 1, 1), doc.lines));
  return Math.min(ln.from + Math.max((column || 1) - 1, 0), ln.to);
}

/** Engine diagnostics → CodeMirror diagnostics, each spanning the token at its position. */
export function toCmDiagnostics(doc, diagnostics) {
  return diagnostics.map((d) => {
    const from = offsetOf(doc, d.line, d.column);
    const ln = doc.lineAt(from);
    const rest = doc.sliceString(from, ln.to);
    const token = /^[^\s,\]}]+/.exec(rest)?.[0].length ?? 0;
    const to = token ? from + token : Math.min(ln.to, from + 1) > from ? Math.min(ln.to, from + 1) : from;
    return {
      from,
      to: to === from && ln.to > ln.from ? ln.to : to,
      severity: d.severity === 'warning' ? 'warning' : d.severity === 'info' ? 'info' : 'error',
      message: `${d.line ?? '?'}:${d.column ?? '?'} ${d.message}${d.path ? ` (${d.path})` : ''}`,
      source: 'argosim',
    };
  });
}

/**
 * The editor lives in a shadow root: there CodeMirror's style-mod adopts constructed style sheets instead of
 * writing <style> elements, which the page's CSP (style-src 'self', no nonce) would block.
 */
function shadowMount(host) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(editorCss);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const mount = document.createElement('div');
  mount.className = 'cm-mount';
  root.append(mount);
  return mount;
}

export function createEditor({ parent, doc, readOnly = false, onChange = () => {}, onRun = () => {}, label = 'Workflow YAML' }) {
  const editable = new Compartment();
  const view = new EditorView({
    parent: shadowMount(parent),
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        indentUnit.of('  '),
        EditorState.tabSize.of(2),
        syntaxHighlighting(classHighlighter),
        yaml(),
        lintGutter(),
        keymap.of([
          { key: 'Mod-Enter', run: () => (onRun(), true), preventDefault: true },
          ...defaultKeymap,
          ...historyKeymap,
          ...lintKeymap,
        ]),
        editable.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    getText: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    setDiagnostics(diagnostics) {
      view.dispatch(setDiagnostics(view.state, toCmDiagnostics(view.state.doc, diagnostics)));
    },
    goTo(line, column) {
      const pos = offsetOf(view.state.doc, line, column);
      view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
      view.focus();
    },
  };
}
