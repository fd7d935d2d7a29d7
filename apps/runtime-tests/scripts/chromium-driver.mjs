// Drives headless Chromium through puppeteer-core for the jest tests, in a child process: puppeteer-core
// is ESM-only and jest's CommonJS module system cannot load it. Reads a plan (JSON) on stdin, runs its
// steps in one page, prints `{ results, errors }` (JSON) on stdout. Steps:
//   { goto: url } | { waitFor: "js expression", timeout?: ms } | { evaluate: "js expression", name } |
//   { screenshot: path, fullPage?: bool } | { click: "css selector" } | { press: "Key" } |
//   { drag: "css selector", points: [[x, y], …] } (a mouse stroke, in the element's own pixels) |
//   { upload: "css selector", files: [path, …] } (files chosen in an <input type=file>)
import puppeteer from 'puppeteer-core';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const plan = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const browser = await puppeteer.launch({ executablePath: plan.executablePath, headless: true, args: plan.args ?? [] });
const errors = [];
const results = {};
let current = 'launch';
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  await page.setViewport(plan.viewport ?? { width: 1000, height: 700 });
  for (const [index, step] of plan.steps.entries()) {
    current = `step ${index} ${JSON.stringify(step).slice(0, 120)}`;
    if (step.goto) await page.goto(step.goto, { waitUntil: 'load' });
    else if (step.waitFor) await page.waitForFunction(step.waitFor, { timeout: step.timeout ?? 60_000, polling: 100 });
    else if (step.evaluate) results[step.name] = await page.evaluate(step.evaluate);
    else if (step.screenshot) await page.screenshot({ path: step.screenshot, fullPage: step.fullPage ?? false });
    else if (step.click) await page.click(step.click);
    else if (step.press) await page.keyboard.press(step.press);
    else if (step.upload) await (await page.$(step.upload)).uploadFile(...step.files);
    else if (step.drag) {
      const box = await (await page.$(step.drag)).boundingBox();
      const [first, ...rest] = step.points;
      await page.mouse.move(box.x + first[0], box.y + first[1]);
      await page.mouse.down();
      for (const [x, y] of rest) await page.mouse.move(box.x + x, box.y + y, { steps: 8 });
      await page.mouse.up();
    }
    else throw new Error(`unknown step ${JSON.stringify(step)}`);
  }
} catch (error) {
  errors.push(`driver: ${current}: ${error.message}`);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify({ results, errors }));
