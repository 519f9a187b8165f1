// bench/run.sh phase 4d: how long a person waits on the dashboard, from entering a website API key to the revenue
// totals and chart drawn, and to the list of the latest 50 payments, in headless Chromium (Debian's).
//
// Usage: node bench/dashboard/time-to-chart.mjs <base-url> <df_ key> <runs>
// Prints one line per run, then: RESULT drawn_median_ms=.. drawn_slowest_ms=.. listed_median_ms=.. runs=..
import {chromium} from 'playwright-core';

const [base, key, runsArgument = '5'] = process.argv.slice(2);
const runs = Number(runsArgument);
if (!base || !key?.startsWith('df_') || !(runs > 0)) {
    console.error('usage: time-to-chart.mjs <base-url> <df_ key> <runs>');
    process.exit(2);
}
const TIMEOUT_MS = 30_000;

// The page marks 'credential-entered' and 'dashboard-drawn' itself; the list has no mark of its own, so one is set
// the moment the page sets body[data-listed].
function markListed() {
    new MutationObserver((_, observer) => {
        if (document.body?.dataset.listed) {
            performance.mark('payments-listed');
            observer.disconnect();
        }
    }).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-listed']});
}

const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync']
});
const drawn = [];
const listed = [];
try {
    for (let run = 1; run <= runs; run++) {
        // A fresh context each run: no session storage, and an empty cache, so every run (not only the first)
        // loads the page's assets uncached, as a person's first visit does; they come from this machine, so that
        // costs little next to the API's answers.
        const context = await browser.newContext();
        try {
            const page = await context.newPage();
            await page.addInitScript(markListed);
            await page.goto(new URL('dashboard/', base).href);
            await page.locator('#sign-in').waitFor({state: 'visible'});
            await page.fill('#credential', key);
            await page.click('#sign-in button[type=submit]');
            await page.waitForSelector('body[data-drawn]', {state: 'attached', timeout: TIMEOUT_MS}).catch(() => {
                throw new Error(`run ${run}: the totals and chart were not drawn within ${TIMEOUT_MS / 1000} s`);
            });
            await page.waitForSelector('body[data-listed]', {state: 'attached', timeout: TIMEOUT_MS}).catch(() => {
                throw new Error(`run ${run}: the payments were not listed within ${TIMEOUT_MS / 1000} s`);
            });
            const [toDrawn, toListed] = await page.evaluate(() => ['dashboard-drawn', 'payments-listed'].map(
                end => performance.measure(`to ${end}`, 'credential-entered', end).duration));
            drawn.push(toDrawn);
            listed.push(toListed);
            console.log(`run ${run}: drawn ${Math.round(toDrawn)} ms, listed ${Math.round(toListed)} ms`);
        } finally {
            await context.close();
        }
    }
} catch (error) {
    console.error(error.message);
    process.exitCode = 1;
} finally {
    await browser.close();
}
if (!process.exitCode) {
    const median = values => values.toSorted((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
    console.log(`RESULT drawn_median_ms=${Math.round(median(drawn))} drawn_slowest_ms=${Math.round(Math.max(...drawn))}`
        + ` listed_median_ms=${Math.round(median(listed))} runs=${runs}`);
}
