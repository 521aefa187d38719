/** The preview shell page: a toolbar (HTML / text, desktop / 375 px) around the rendered email. */

export const previewPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>newsbrief preview</title>
<style>
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #e9ebee; color: #1d2125; }
  header { display: flex; gap: 8px; align-items: center; padding: 8px 16px; background: #fff; border-bottom: 1px solid #ccd; position: sticky; top: 0; }
  header strong { margin-right: auto; }
  button { font: inherit; padding: 4px 12px; border: 1px solid #99a; background: #fff; border-radius: 4px; cursor: pointer; }
  button[aria-pressed="true"] { background: #1d2125; color: #fff; }
  main { display: flex; justify-content: center; padding: 16px; }
  iframe, pre { width: 100%; max-width: 800px; height: calc(100vh - 90px); border: 0; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
  pre { margin: 0; padding: 16px; overflow: auto; white-space: pre-wrap; font: 13px/1.5 ui-monospace, monospace; box-sizing: border-box; }
  main.mobile iframe, main.mobile pre { max-width: 375px; }
  #status { color: #a00; }
</style>
</head>
<body>
<header>
  <strong id="subject">newsbrief preview</strong>
  <span id="status" role="status"></span>
  <button id="show-html" aria-pressed="true">HTML</button>
  <button id="show-text" aria-pressed="false">Text</button>
  <button id="mobile" aria-pressed="false">375 px</button>
</header>
<main id="main">
  <iframe id="email" title="Rendered email" src="/email.html"></iframe>
  <pre id="text" hidden></pre>
</main>
<script>
  const frame = document.getElementById('email');
  const text = document.getElementById('text');
  const status = document.getElementById('status');
  const press = (id, on) => document.getElementById(id).setAttribute('aria-pressed', String(on));
  async function refresh() {
    const info = await (await fetch('/state.json')).json();
    document.getElementById('subject').textContent = info.subject || 'newsbrief preview';
    status.textContent = info.error || '';
    document.body.dataset.version = String(info.version);
    frame.src = '/email.html?v=' + info.version;
    text.textContent = await (await fetch('/email.txt?v=' + info.version)).text();
  }
  document.getElementById('show-html').onclick = () => { frame.hidden = false; text.hidden = true; press('show-html', true); press('show-text', false); };
  document.getElementById('show-text').onclick = () => { frame.hidden = true; text.hidden = false; press('show-html', false); press('show-text', true); };
  document.getElementById('mobile').onclick = (event) => {
    const on = document.getElementById('main').classList.toggle('mobile');
    press('mobile', on);
  };
  new EventSource('/events').onmessage = refresh;
  refresh();
</script>
</body>
</html>
`;
