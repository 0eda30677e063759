// The playground: reads the pasted or dropped report with the library (xxgk-report.js, loaded
// before this as `globalThis.xxgkReport`) and shows its visual report in a sandboxed iframe.
//
// Safe with any text: the report's text reaches the page only as the value of the textarea, as
// textContent, or inside the visual report, where renderReport escapes it; that page runs in an
// iframe without `allow-scripts`, under its own Content-Security-Policy, so nothing in a report
// could run even if escaping failed. No innerHTML anywhere.
'use strict';

(function playground() {
  const $ = (id) => document.getElementById(id);
  const textarea = $('report-text');
  const fileInput = $('report-file');
  const locale = $('locale');
  const status = $('status');
  const view = $('report-view');
  const library = globalThis.xxgkReport;
  if (!library || typeof library.renderReport !== 'function') {
    $('load-error').hidden = false;
    status.textContent = '';
    return;
  }

  const WORDS = {
    'zh-CN': {
      empty: '尚未输入报告。',
      summary: (meta, counts) =>
        `${meta.agency ?? '（未识别机关）'} · ${meta.year ?? '（未识别年度）'}年 · 错误 ${counts.error} 个，警告 ${counts.warning} 个，提示 ${counts.info} 个`,
      failed: (message) => `未能读取：${message}`,
      file: (name) => `已打开 ${name}。`,
    },
    en: {
      empty: 'No report yet.',
      summary: (meta, counts) =>
        `${meta.agency ?? '(agency not found)'} · ${meta.year ?? '(year not found)'} · ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info`,
      failed: (message) => `Could not read it: ${message}`,
      file: (name) => `Opened ${name}.`,
    },
  };
  const words = () => WORDS[locale.value] ?? WORDS['zh-CN'];

  /**
   * The page as the iframe gets it. A srcdoc document resolves links against its parent's address,
   * so the visual report's `#src-1` links would load the playground into the frame: a `<base>` of
   * its own address, put before the page's policy (which allows no other), keeps them in the page.
   */
  const inFrame = (page) => page.replace('<head>', '<head>\n<base href="about:srcdoc">');

  function render() {
    const text = textarea.value;
    if (text.trim() === '') {
      view.removeAttribute('srcdoc');
      status.textContent = words().empty;
      return;
    }
    try {
      const { report, diagnostics } = library.parseReport(text, { locale: locale.value });
      const page = library.renderReport(report, { layout: 'html', diagnostics, text, locale: locale.value });
      view.srcdoc = inFrame(page);
      const counts = { error: 0, warning: 0, info: 0 };
      for (const diagnostic of diagnostics) counts[diagnostic.severity] += 1;
      status.textContent = words().summary(report.meta, counts);
    } catch (error) {
      status.textContent = words().failed(error instanceof Error ? error.message : String(error));
    }
  }

  let timer;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(render, 250);
  };

  /** A file's text: UTF-8 (or UTF-16 with its mark) when it is, else GB 18030, as most reports not in UTF-8 are. */
  function decode(bytes) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return new TextDecoder('gb18030').decode(bytes);
    }
  }

  async function open(file) {
    if (!file) return;
    try {
      textarea.value = decode(new Uint8Array(await file.arrayBuffer()));
      render();
      status.textContent = `${words().file(file.name)} ${status.textContent}`;
    } catch (error) {
      status.textContent = words().failed(error instanceof Error ? error.message : String(error));
    }
  }

  textarea.addEventListener('input', later);
  locale.addEventListener('change', render);
  fileInput.addEventListener('change', () => open(fileInput.files?.[0]));
  // A file dropped anywhere is read, not opened by the browser in place of the page.
  for (const type of ['dragenter', 'dragover']) {
    document.addEventListener(type, (event) => {
      event.preventDefault();
      textarea.classList.add('dragging');
    });
  }
  document.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) textarea.classList.remove('dragging');
  });
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    textarea.classList.remove('dragging');
    open(event.dataTransfer?.files?.[0]);
  });
  render();
})();
