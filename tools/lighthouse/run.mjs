// Lighthouse's performance audit (mobile preset) of each page given, in one Chromium: prints one JSON object,
// {url: {score, figures} or {error}}. Used by tests/browser/test_lighthouse.py; one browser and one Node process for
// every page instead of one each (the audits are the same; the page screenshots, which the score does not use, are
// skipped).
//
//   CHROME_PATH=/usr/bin/chromium node run.mjs [--chrome-flag=FLAG ...] URL [URL ...]
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const FIGURES = ['largest-contentful-paint', 'cumulative-layout-shift', 'total-blocking-time', 'total-byte-weight'];
const TRIES = 3; // its trace recording fails now and then ("Please run Lighthouse again")

const args = process.argv.slice(2);
const chromeFlags = ['--headless=new', ...args.filter((a) => a.startsWith('--chrome-flag=')).map((a) => a.slice(14))];
const urls = args.filter((a) => !a.startsWith('--'));

async function audit(port, url) {
  let error = null;
  for (let attempt = 0; attempt < TRIES; attempt++) {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      formFactor: 'mobile',
      disableFullPageScreenshot: true,
      skipAudits: ['screenshot-thumbnails', 'final-screenshot'],
    });
    const report = result.lhr;
    if (!report.runtimeError && report.categories.performance.score !== null) {
      const figures = Object.fromEntries(FIGURES.map((name) => [name, report.audits[name].displayValue ?? '']));
      return {score: Math.round(report.categories.performance.score * 100), figures};
    }
    error = report.runtimeError ? `${report.runtimeError.code}: ${report.runtimeError.message}` : 'no score';
  }
  return {error};
}

const chrome = await chromeLauncher.launch({chromePath: process.env.CHROME_PATH, chromeFlags});
const results = {};
try {
  for (const url of urls) {
    results[url] = await audit(chrome.port, url);
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(results) + '\n');
