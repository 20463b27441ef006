// What the e2e scenarios do to VS Code's workbench (a Playwright page on code-server) and read back from its DOM, as a
// user would: keys, the command palette, the text of an editor, a hover, the rows of a side bar view.

/** Runs a command by its title from the command palette. */
export async function runCommand(page, title) {
  await page.keyboard.press('Control+Shift+P');
  await page.waitForTimeout(500);
  await page.keyboard.type(title);
  await page.waitForTimeout(800);
  await page.keyboard.press('Enter');
}

/** Opens a workspace file by name through quick open (Ctrl+P). */
export async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  await page.keyboard.type(name);
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 30000 });
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
}

/** Moves the cursor of the focused editor to `line` or `line:column` (Ctrl+G). */
export async function goTo(page, position) {
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(position));
  await page.keyboard.press('Enter');
}

/** The tab titles of each editor group, left to right. */
export function editorGroupTabs(page) {
  return page.$$eval('.editor-group-container', (groups) => groups.map((group) =>
    // The aria-label starts with the whole name (the label's own text may split off the extension).
    [...group.querySelectorAll('.tab')].map((tab) => (tab.getAttribute('aria-label') ?? tab.textContent ?? '').split(',')[0].trim())));
}

/** The text of each webview on the page (a custom editor's page lives in an iframe inside an iframe). */
export async function webviewTexts(page) {
  const texts = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    if (text.trim()) texts.push(text);
  }
  return texts;
}

/** The visible text of the editor whose active tab's title contains `tabTitle` (Monaco renders visible lines only). */
export function editorText(page, tabTitle) {
  return page.evaluate((title) => {
    for (const group of document.querySelectorAll('.editor-group-container')) {
      const tab = group.querySelector('.tab.active');
      if (!tab || !(tab.getAttribute('aria-label') ?? tab.textContent ?? '').includes(title)) continue;
      const lines = [...group.querySelectorAll('.view-line')]
        .map((line) => ({ top: parseFloat(line.style.top || '0'), text: line.textContent.replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top);
      return lines.map((l) => l.text).join('\n');
    }
    return null;
  }, tabTitle);
}

/** Shows the hover at the cursor of the focused editor (Ctrl+K Ctrl+I) and answers its text, or null when none shows. */
export async function hoverAtCursor(page) {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.waitForSelector('.monaco-hover-content', { timeout: 15000 }).catch(() => undefined);
  await page.waitForTimeout(1000);
  const hover = await page.$('.monaco-hover-content');
  return hover ? (await hover.innerText()).trim() : null;
}

/** The rows of the side bar view titled `title` ("Variables", "Call Stack", "Component Instances"), as shown. */
export function viewRows(page, title) {
  return page.evaluate((name) => {
    for (const pane of document.querySelectorAll('.pane')) {
      const header = pane.querySelector('.pane-header');
      const label = header?.querySelector('h3.title')?.textContent ?? header?.getAttribute('aria-label') ?? '';
      if (label.trim().toLowerCase() !== name.toLowerCase()) continue;
      // Text node by text node: a tree item's label and description are separate elements with no space between.
      return [...pane.querySelectorAll('.monaco-list-row')].map((row) => {
        const parts = [];
        const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) parts.push(walker.currentNode.textContent);
        return parts.join(' ').replace(/\s+/g, ' ').trim();
      });
    }
    return null;
  }, title);
}

/** The text of a side bar view's header (the Call Stack shows "Paused on breakpoint" there). */
export function viewHeader(page, title) {
  return page.evaluate((name) => {
    for (const header of document.querySelectorAll('.pane-header')) {
      const label = header.querySelector('h3.title')?.textContent ?? '';
      if (label.trim().toLowerCase() === name.toLowerCase()) return header.innerText.replace(/\s+/g, ' ').trim();
    }
    return null;
  }, title);
}

/** Expands a collapsed side bar view by its title. */
export async function expandView(page, title) {
  const header = page.locator('.pane-header', { has: page.locator('h3.title', { hasText: title }) }).first();
  if ((await header.count()) > 0 && (await header.getAttribute('aria-expanded')) !== 'true') await header.click();
}

/** Polls `read` until `predicate` holds of its answer or `ms` pass; answers the last reading. */
export async function waitFor(page, read, predicate, ms = 30000) {
  let value = await read();
  for (const deadline = Date.now() + ms; !predicate(value) && Date.now() < deadline; ) {
    await page.waitForTimeout(250);
    value = await read();
  }
  return value;
}

/** Collapses an expanded side bar view by its title (to leave its room to the others). */
export async function collapseView(page, title) {
  const header = page.locator('.pane-header', { has: page.locator('h3.title', { hasText: title }) }).first();
  if ((await header.count()) > 0 && (await header.getAttribute('aria-expanded')) === 'true') await header.click();
}

/** Widens the side bar to `width` pixels by dragging its edge, so that long rows (frames, instances) show whole. */
export async function widenSideBar(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 10 });
  await page.mouse.up();
}

/**
 * The rows of the Problems panel (Ctrl+Shift+M opens it): a file's row as shown, a problem's prefixed with its severity
 * (`error: `, `warning: `, `info: `; `problem: ` when neither its icon nor its label says).
 */
export async function problemRows(page) {
  await page.keyboard.press('Control+Shift+M');
  await page.waitForTimeout(300);
  // The icon of a selected problem with a quick fix is a light bulb: the row's accessible label still says its severity.
  return page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => {
    const icon = r.querySelector('.marker-icon');
    const said = `${icon?.className ?? ''} ${(r.getAttribute('aria-label') ?? '').split(/\s/)[0]}`.toLowerCase();
    const severity = !icon ? '' : /\berror\b/.test(said) ? 'error: ' : /\bwarning\b/.test(said) ? 'warning: ' : /\binfo\b/.test(said) ? 'info: ' : 'problem: ';
    return severity + r.innerText.replace(/\s+/g, ' ').trim();
  }));
}

/** The problems of one file among the Problems panel's rows (those after its row, up to the next file's). */
export function problemsOf(rows, fileName) {
  const problems = [];
  let inFile = false;
  for (const row of rows) {
    if (!/^(error|warning|info|problem): /.test(row)) inFile = row.startsWith(`${fileName} `) || row === fileName;
    else if (inFile) problems.push(row);
  }
  return problems;
}
