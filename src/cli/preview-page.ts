/**
 * The page `newsbrief preview` serves: the editor component (`newsbrief/preview`, the same one a
 * CMS embeds) plus the file's live-reload channel. Everything the editor shows comes from the
 * component; this page only feeds it the file's source whenever the file is saved.
 */
import { escapeHtml } from '../render/html.js';

/** What the page needs from the command line. */
export interface PreviewPageConfig {
  /** The file being previewed, as given. */
  file: string;
  /** The theme from `--theme`. */
  theme?: unknown;
  /** Whether `/templates.js` serves compiled templates (`--templates`, `--no-minify`, a width). */
  templates: boolean;
}

/** JSON safe inside a `<script>` element: `<` never closes it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function previewPage(config: PreviewPageConfig): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(config.file)} · newsbrief preview</title>
<style>
  body { margin: 0; padding: 12px 16px; font: 14px/1.4 system-ui, sans-serif; color: #111827; }
  header { display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: baseline; margin-bottom: 8px; }
  h1 { font-size: 16px; margin: 0; }
  header p { margin: 0; color: #4b5563; }
  #status { color: #b42318; }
</style>
</head>
<body>
<header>
  <h1>${escapeHtml(config.file)}</h1>
  <p>Saving the file updates this page. Edits made here try things out; they are not saved.</p>
  <p id="status" role="status"></p>
</header>
<main id="editor"></main>
<script type="application/json" id="config">${scriptJson(config)}</script>
<script type="module">
  import { mountEditor } from '/editor.js';
  const config = JSON.parse(document.getElementById('config').textContent);
  const status = document.getElementById('status');
  try {
    const templates = config.templates ? (await import('/templates.js')).default : undefined;
    const editor = await mountEditor(document.getElementById('editor'), { theme: config.theme, templates });
    // The live-reload channel: every message is the file's new source.
    const events = new EventSource('/events');
    events.onmessage = (event) => {
      editor.setSource(JSON.parse(event.data));
      document.body.dataset.version = event.lastEventId;
      status.textContent = '';
    };
    events.addEventListener('problem', (event) => { status.textContent = JSON.parse(event.data); });
  } catch (error) {
    status.textContent = String(error.message ?? error);
  }
</script>
</body>
</html>
`;
}
