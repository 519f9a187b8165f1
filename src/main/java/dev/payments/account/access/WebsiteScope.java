package dev.payments.account.access;

/** Where a route finds the website it acts on, if it acts on one. */
public enum WebsiteScope {
    /** Account-level route: no website. */
    NONE,
    /** Payments routes: the df_ key's own website, or the websiteId query parameter of a dft_ token. */
    QUERY,
    /** Account API routes under /websites/{websiteId}. */
    PATH
}
