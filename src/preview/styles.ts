/**
 * The editor's own look, scoped under `.nb-editor` so it neither leaks into nor depends on the
 * host page. Hosts restyle it through the custom properties at the top.
 */
export const editorStyles = `
.nb-editor {
  --nb-editor-height: min(88vh, 900px);
  --nb-editor-accent: #1a56db;
  --nb-editor-border: #c4c9d2;
  --nb-editor-muted: #4b5563;
  --nb-editor-error: #b42318;
  display: grid; grid-template-columns: minmax(280px, 1fr) minmax(0, 1.25fr); gap: 16px;
  height: var(--nb-editor-height); box-sizing: border-box;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111827;
}
.nb-editor *, .nb-editor *::before, .nb-editor *::after { box-sizing: border-box; }
@media (max-width: 900px) {
  .nb-editor { grid-template-columns: 1fr; height: auto; }
  .nb-editor-stage { height: 80vh; }
}
.nb-editor-pane { display: flex; flex-direction: column; min-height: 0; gap: 8px; }
.nb-editor-label { font-weight: 600; }
.nb-editor-label span, .nb-editor-count { font-weight: 400; color: var(--nb-editor-muted); }
.nb-editor-field { position: relative; flex: 1 1 60%; min-height: 200px; display: flex; }
.nb-editor-source {
  flex: 1; width: 100%; resize: none; padding: 10px 12px; border: 1px solid var(--nb-editor-border);
  border-radius: 6px; font: 13px/1.55 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  color: inherit; background: #fff; tab-size: 2;
}
.nb-editor-source[aria-invalid="true"] { border-color: var(--nb-editor-error); }
.nb-editor :focus-visible { outline: 2px solid var(--nb-editor-accent); outline-offset: 2px; }
.nb-editor-callout {
  position: absolute; left: 12px; right: 12px; z-index: 1; pointer-events: none;
  padding: 4px 8px; border-radius: 4px; background: #fef3f2; color: var(--nb-editor-error);
  border: 1px solid #fda29b; font-size: 12px; box-shadow: 0 2px 6px rgba(0,0,0,.12); white-space: pre-wrap;
}
.nb-editor-count { margin: 0; }
.nb-editor-problem {
  margin: 0; padding: 8px 10px; border-radius: 6px; background: #fef3f2; color: var(--nb-editor-error);
  white-space: pre-wrap; font-size: 13px;
}
.nb-editor-problem:empty { display: none; }
.nb-editor-problem button { margin-top: 6px; }
.nb-editor-heading { margin: 4px 0 0; font-size: 14px; }
.nb-editor-findings { list-style: none; margin: 0; padding: 0; overflow: auto; flex: 0 1 40%; min-height: 0; }
.nb-editor-findings li + li { margin-top: 4px; }
.nb-editor-findings button, .nb-editor-problem button {
  display: block; width: 100%; text-align: start; font: inherit; color: inherit; cursor: pointer;
  padding: 6px 8px; border: 1px solid var(--nb-editor-border); border-radius: 6px; background: #fff;
}
.nb-editor-findings button:hover { border-color: var(--nb-editor-accent); }
.nb-editor-severity { font-weight: 600; text-transform: capitalize; margin-inline-end: 6px; }
.nb-editor-severity[data-severity="error"] { color: var(--nb-editor-error); }
.nb-editor-severity[data-severity="warning"] { color: #8a4b00; }
.nb-editor-severity[data-severity="info"] { color: var(--nb-editor-muted); }
.nb-editor-rule { display: block; color: var(--nb-editor-muted); font-size: 12px; }
.nb-editor-toolbar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
.nb-editor-toolbar fieldset { display: flex; gap: 0; margin: 0; padding: 0; border: 0; align-items: center; }
.nb-editor-toolbar legend { float: left; margin-inline-end: 6px; color: var(--nb-editor-muted); }
.nb-editor-toolbar label { position: relative; }
.nb-editor-toolbar input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
.nb-editor-toolbar label span {
  display: block; padding: 3px 10px; border: 1px solid var(--nb-editor-border); background: #fff;
}
.nb-editor-toolbar label:first-of-type span { border-radius: 6px 0 0 6px; }
.nb-editor-toolbar label:last-of-type span { border-radius: 0 6px 6px 0; margin-inline-start: -1px; }
.nb-editor-toolbar input:checked + span { background: #111827; border-color: #111827; color: #fff; }
.nb-editor-toolbar input:focus-visible + span { outline: 2px solid var(--nb-editor-accent); outline-offset: 2px; }
.nb-editor-subject { margin: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.nb-editor-subject span { color: var(--nb-editor-muted); }
.nb-editor-stage {
  flex: 1; min-height: 0; overflow: auto; display: flex; justify-content: center; padding: 12px;
  background: #e5e7eb; border-radius: 6px;
}
.nb-editor-stage[data-scheme="dark"] { background: #1f2937; }
.nb-editor-stage iframe { flex: none; height: 100%; min-height: 400px; border: 0; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
.nb-editor-stage[data-scheme="dark"] iframe { background: #111; }
.nb-editor-stage[data-stale] iframe { opacity: .55; }
.nb-editor-text {
  flex: none; height: 100%; margin: 0; padding: 16px; overflow: auto; background: #fff; color: #111827;
  white-space: pre-wrap; font: 13px/1.5 ui-monospace, Menlo, Consolas, monospace;
}
.nb-editor-stage[data-scheme="dark"] .nb-editor-text { background: #111; color: #e5e7eb; }
.nb-editor-mirror {
  position: absolute; top: 0; left: -10000px; visibility: hidden; white-space: pre-wrap;
  overflow-wrap: break-word; border: 0;
}
`;
