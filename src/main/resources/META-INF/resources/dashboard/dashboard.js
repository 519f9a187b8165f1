// The dashboard's flow: a credential kept in this tab's session storage, a website, a range, and what the public API
// answers for them. The transaction or visitor filter lives in the URL's fragment, the credential never does.
import {ApiError, get} from './api.js';
import * as render from './render.js';

const STORE = 'payments-dashboard';
const FILTERS = {transaction_id: 'transaction', datafast_visitor_id: 'visitor'};
const INTERVAL_OF_RANGE = {1: 'hour', 7: 'day', 30: 'day', 90: 'day', 365: 'month'};
const $ = id => document.getElementById(id);

let session = JSON.parse(sessionStorage.getItem(STORE) ?? 'null');
let report;
let revenueLoaded = Promise.resolve(); // the list waits for it to show times in the website's time zone
let listed; // the query of the payments shown, which the CSV download repeats
let revenueCall = 0;
let listCall = 0;

const isToken = () => session.credential.startsWith('dft_');
const website = () => (isToken() ? {websiteId: session.websiteId} : {});

function save() {
    sessionStorage.setItem(STORE, JSON.stringify(session));
}

function show(id) {
    for (const part of ['sign-in', 'website-picker', 'dashboard']) {
        $(part).hidden = part !== id;
    }
    $('forget').hidden = session === null;
}

function problem(sentence) {
    $('problem').textContent = sentence ?? '';
    $('problem').hidden = !sentence;
}

function failed(error) {
    if (!(error instanceof ApiError)) {
        throw error;
    }
    $('loading').textContent = '';
    if (error.status === 401) {
        forget();
    }
    problem(error.message);
}

function forget() {
    sessionStorage.removeItem(STORE);
    session = null;
    show('sign-in');
    $('credential').value = '';
}

/** The chosen filter from the URL's fragment (#transaction_id=... or #datafast_visitor_id=...), or null. */
function filter() {
    const [name, value] = location.hash.slice(1).split('=');
    return FILTERS[name] && value ? {name, value: decodeURIComponent(value)} : null;
}

function range() {
    const endAt = new Date();
    const startAt = new Date(endAt.getTime() - Number($('range').value) * 86_400_000);
    return {startAt: startAt.toISOString(), endAt: endAt.toISOString()};
}

async function loadRevenue(period) {
    const call = ++revenueCall;
    $('loading').textContent = 'Loading the revenue…';
    try {
        const answer = await get(session.credential, 'api/v1/revenue', {...website(), ...period,
            interval: $('interval').value});
        if (call !== revenueCall) {
            return;
        }
        report = answer.data[0];
        render.period(period, report.timezone);
        render.totals(report);
        render.buckets(report);
        $('loading').textContent = '';
        requestAnimationFrame(() => {
            performance.mark('dashboard-drawn');
            document.body.dataset.drawn = String(call);
        });
    } catch (error) {
        if (call === revenueCall) {
            failed(error);
        }
    }
}

async function loadPayments(period) {
    const call = ++listCall;
    const chosen = filter();
    const query = {...website(), ...(chosen ? {[chosen.name]: chosen.value} : period)};
    $('filter').hidden = !chosen;
    $('filter-text').textContent = chosen ? `Payments of ${FILTERS[chosen.name]} ${chosen.value}, at any date.` : '';
    try {
        const [page] = await Promise.all([get(session.credential, 'api/v1/payments', {...query, limit: 50}),
            revenueLoaded]);
        if (call !== listCall) {
            return;
        }
        listed = query;
        $('download').disabled = false;
        render.payments(page.data, report?.timezone);
        empty(page.data.length === 0, chosen);
        document.body.dataset.listed = String(call);
    } catch (error) {
        if (call === listCall) {
            failed(error);
        }
    }
}

function empty(nothing, chosen) {
    const note = $('empty');
    note.hidden = !nothing;
    if (chosen) {
        note.textContent = 'No payment matches this filter.';
        return;
    }
    const example = document.createElement('pre');
    example.textContent = `curl -X POST ${new URL('../api/v1/payments', location.href)} \\\n`
        + '  -H "Authorization: Bearer $DATAFAST_API_KEY" -H "Content-Type: application/json" \\\n'
        + '  -d \'{"amount": 29.99, "currency": "USD", "transaction_id": "payment_1", '
        + '"datafast_visitor_id": "<the visitor id>"}\'';
    note.replaceChildren('No payment was recorded for this website in this range. Record a first one with a request '
        + 'like this (or connect a payment provider: see the API reference):', example);
}

function open() {
    problem(null);
    show('dashboard');
    $('website-name').textContent = session.websiteName ?? 'this website';
    $('website-change').hidden = !isToken();
    const period = range();
    revenueLoaded = loadRevenue(period);
    loadPayments(period);
}

async function pickWebsite() {
    show('website-picker');
    try {
        const sites = (await get(session.credential, 'api/v1/admin/websites', {})).data;
        $('website-select').replaceChildren(...sites.map(site => new Option(
            site.name && site.name !== site.domain ? `${site.name} (${site.domain})` : site.domain, site.id,
            false, site.id === session.websiteId)));
        $('website-choice').hidden = false;
        $('website-entry').hidden = true;
        problem(sites.length === 0 ? 'This token reaches no website yet.' : null);
    } catch (error) {
        if (error instanceof ApiError && error.status === 403) {
            $('website-choice').hidden = true;
            $('website-entry').hidden = false;
            return;
        }
        failed(error);
    }
}

$('sign-in').addEventListener('submit', event => {
    event.preventDefault();
    const credential = $('credential').value.trim();
    if (!/^dft?_./.test(credential)) {
        problem('A website API key starts with df_, an account token with dft_.');
        return;
    }
    performance.mark('credential-entered');
    session = {credential};
    save();
    isToken() ? pickWebsite() : open();
});

$('website-picker').addEventListener('submit', event => {
    event.preventDefault();
    const select = $('website-select');
    const chosen = $('website-entry').hidden ? select.value : $('website-id').value.trim();
    if (!chosen) {
        problem('Choose a website.');
        return;
    }
    session.websiteId = chosen;
    session.websiteName = $('website-entry').hidden ? select.selectedOptions[0].text : chosen;
    save();
    open();
});

$('range').addEventListener('change', () => {
    $('interval').value = INTERVAL_OF_RANGE[$('range').value];
    open();
});
$('interval').addEventListener('change', () => {
    revenueLoaded = loadRevenue(range());
});
$('website-change').addEventListener('click', pickWebsite);
$('forget').addEventListener('click', () => {
    forget();
    problem(null);
});
window.addEventListener('hashchange', () => session && !$('dashboard').hidden && loadPayments(range()));

$('download').addEventListener('click', async () => {
    try {
        const csv = await (await get(session.credential, 'api/v1/payments', listed, 'text/csv')).blob();
        const file = document.createElement('a');
        file.href = URL.createObjectURL(csv);
        file.download = 'payments.csv';
        document.body.append(file);
        file.click();
        file.remove();
        setTimeout(() => URL.revokeObjectURL(file.href), 60_000);
    } catch (error) {
        failed(error);
    }
});

if (session === null) {
    show('sign-in');
} else if (isToken() && !session.websiteId) {
    pickWebsite();
} else {
    open();
}
