// Draws what the API answered: the totals, the chart with its table, and the payments. Nothing here calls the API.

const AMOUNTS = [['net', 'Net'], ['new', 'New'], ['renewal', 'Renewal'], ['refund', 'Refunded']];
const COUNTS = [['payments', 'Payments'], ['renewals', 'Renewals'], ['refunds', 'Refunds'],
    ['free_trials', 'Free trials'], ['customers', 'Customers'], ['visitors', 'Visitors']];
const SERIES = [['new', 'New', '#1d4ed8'], ['renewal', 'Renewal', '#0f766e'], ['refund', 'Refund', '#b91c1c']];
const BUCKET_FORMATS = {
    hour: {month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit'},
    day: {month: 'short', day: 'numeric'},
    week: {year: 'numeric', month: 'short', day: 'numeric'},
    month: {year: 'numeric', month: 'long'}
};

let chart;

/** Amounts of one currency, as the reader's browser writes them. */
export function money(currency) {
    try {
        return new Intl.NumberFormat(undefined, {style: 'currency', currency});
    } catch {
        return {format: amount => `${amount} ${currency}`};
    }
}

function cell(row, content) {
    const td = row.insertCell();
    td.append(content ?? '');
    return td;
}

function link(text, hash, label) {
    const a = document.createElement('a');
    a.href = hash;
    a.textContent = text;
    a.setAttribute('aria-label', label);
    return a;
}

/** The range shown, in the website's time zone; its instants, as the API was asked, in data attributes. */
export function period({startAt, endAt}, timezone) {
    const when = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short', timeZone: timezone});
    const shown = document.getElementById('period');
    shown.textContent = `From ${when.format(new Date(startAt))} to ${when.format(new Date(endAt))} (${timezone}).`;
    shown.dataset.startAt = startAt;
    shown.dataset.endAt = endAt;
}

/** The §9 totals, each with its exact figure in data-value (what the API answered). */
export function totals(report) {
    const list = document.getElementById('totals');
    const format = money(report.currency);
    const entries = [...AMOUNTS.map(([key, name]) => [key, name, format.format(report.totals[key])]),
        ...COUNTS.map(([key, name]) => [key, name, report.totals[key].toLocaleString()])];
    list.replaceChildren(...entries.map(([key, name, shown]) => {
        const item = document.createElement('div');
        const term = document.createElement('dt');
        const value = document.createElement('dd');
        term.textContent = name;
        value.textContent = shown;
        value.dataset.total = key;
        value.dataset.value = String(report.totals[key]);
        item.append(term, value);
        return item;
    }));
    const pending = document.getElementById('pending');
    pending.hidden = report.totals.pending === 0;
    pending.textContent = `${report.totals.pending.toLocaleString()} payment(s) of this range wait for an exchange rate `
        + `into ${report.currency}: they are left out of these sums until it is published.`;
}

/** One group of three bars (new, renewal, refund) per bucket, and the same figures as a table. */
export function buckets(report) {
    const format = money(report.currency);
    const label = new Intl.DateTimeFormat(undefined, {...BUCKET_FORMATS[report.interval], timeZone: report.timezone});
    const labels = report.timeseries.map(bucket => label.format(new Date(bucket.start)));
    chart?.destroy();
    chart = new Chart(document.getElementById('chart'), {
        type: 'bar',
        data: {
            labels,
            datasets: SERIES.map(([key, name, color]) => ({
                label: name, backgroundColor: color, data: report.timeseries.map(bucket => bucket[key])
            }))
        },
        options: {
            animation: false, responsive: true, maintainAspectRatio: false,
            scales: {y: {beginAtZero: true, grace: '5%', ticks: {callback: value => format.format(value)}}},
            plugins: {tooltip: {callbacks: {label: item => `${item.dataset.label}: ${format.format(item.raw)}`}}}
        }
    });
    document.getElementById('chart-caption').textContent = `New, renewal and refunded revenue per ${report.interval} `
        + `in ${report.currency}, time zone ${report.timezone}.`;
    const rows = document.querySelector('#buckets tbody');
    rows.replaceChildren();
    report.timeseries.forEach((bucket, index) => {
        const row = rows.insertRow();
        const head = document.createElement('th');
        head.scope = 'row';
        head.textContent = labels[index];
        row.append(head);
        for (const key of ['new', 'renewal', 'refund', 'net']) {
            cell(row, format.format(bucket[key])).dataset.value = String(bucket[key]);
        }
    });
}

/** The refunded total, whole or partial (refunded turns true only once the total reaches the amount). */
function refundedOf(payment) {
    return payment.refunded ? (payment.refunded_amount ?? payment.amount) : (payment.refunded_amount ?? 0);
}

function refundText(payment, format, time) {
    const refunded = refundedOf(payment);
    if (refunded === 0) {
        return 'No';
    }
    const share = payment.refunded ? format.format(refunded)
        : `${format.format(refunded)} of ${format.format(payment.amount)}`;
    return payment.refunded_at ? `${share}, ${time.format(new Date(payment.refunded_at))}` : share;
}

/** The payments, newest first, each transaction and visitor a link that filters by it. */
export function payments(list, timezone) {
    const time = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short', timeZone: timezone});
    const rows = document.querySelector('#payments tbody');
    rows.replaceChildren();
    for (const payment of list) {
        const format = money(payment.currency);
        const row = rows.insertRow();
        row.dataset.transaction = payment.transaction_id;
        cell(row, time.format(new Date(payment.timestamp)));
        cell(row, link(payment.transaction_id, `#transaction_id=${encodeURIComponent(payment.transaction_id)}`,
            `Show only transaction ${payment.transaction_id}`));
        cell(row, format.format(payment.amount) + (payment.renewal ? ' (renewal)' : '')
            + (payment.is_free_trial ? ' (free trial)' : ''));
        cell(row, payment.reporting_amount === null ? 'waiting for a rate'
            : money(payment.reporting_currency).format(payment.reporting_amount));
        const visitor = payment.datafast_visitor_id;
        cell(row, visitor ? link(visitor, `#datafast_visitor_id=${encodeURIComponent(visitor)}`,
            `Show only the payments of visitor ${visitor}`) : '—');
        cell(row, refundText(payment, format, time)).dataset.refunded = String(refundedOf(payment));
    }
}
