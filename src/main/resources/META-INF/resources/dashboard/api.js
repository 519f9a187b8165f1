// The public API as the dashboard calls it: the credential in the Authorization header only, and every failure
// turned into a sentence a person can act on.

/** A failed call: the HTTP status (0 when the service could not be reached) and the sentence to show. */
export class ApiError extends Error {
    constructor(status, sentence) {
        super(sentence);
        this.status = status;
    }
}

/** GET path (relative to the service's root) with the query; answers the parsed JSON, or the Response for CSV. */
export async function get(credential, path, query, accept = 'application/json') {
    const url = new URL(`../${path}`, location.href);
    for (const [name, value] of Object.entries(query)) {
        if (value !== undefined && value !== null && value !== '') {
            url.searchParams.set(name, value);
        }
    }
    let response;
    try {
        response = await fetch(url, {
            headers: {Authorization: `Bearer ${credential}`, Accept: accept},
            cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer'
        });
    } catch {
        throw new ApiError(0, 'The service could not be reached. Check the connection, then try again.');
    }
    if (response.ok) {
        return accept === 'application/json' ? response.json() : response;
    }
    throw new ApiError(response.status, sentenceFor(response.status, await errorOf(response),
        response.headers.get('Retry-After')));
}

async function errorOf(response) {
    try {
        return (await response.json()).error ?? {};
    } catch {
        return {};
    }
}

function sentenceFor(status, error, retryAfter) {
    const says = error.message ? ` (The service says: “${error.message}”.)` : '';
    switch (status) {
        case 400:
            return `The service cannot answer this question: ${error.message ?? 'the request was refused'}.`;
        case 401:
            return 'This key or token was not accepted: it may be mistyped, revoked or rolled. Enter a current one.';
        case 403:
            return 'This key or token may not read the payments of this website: it needs the payments:read '
                + `permission for it.${says}`;
        case 404:
            return 'There is no website with this id. Choose another one.';
        case 429:
            return 'Too many requests were made with this key or token just now. '
                + `Try again in ${retryAfter ? `${retryAfter} seconds` : 'a minute'}.`;
        case 503:
            return 'The service is busy or cannot reach its database at the moment. Try again in a few seconds.';
        default:
            return `The service failed to answer (HTTP ${status}). Try again; if it keeps failing, tell its operator`
                + (error.request_id ? ` the request id ${error.request_id}.` : '.');
    }
}
