package dev.payments.account.access;

import dev.payments.account.credentials.Credential;
import dev.payments.account.directory.WebsiteSnapshot;
import jakarta.enterprise.context.RequestScoped;

/** Who is calling and, on website routes, which website they act on; set by {@link AuthFilter}. */
@RequestScoped
public class Caller {

    private Credential credential;
    private WebsiteSnapshot website;

    void resolve(Credential credential, WebsiteSnapshot website) {
        this.credential = credential;
        this.website = website;
    }

    public Credential credential() {
        if (credential == null) {
            throw new IllegalStateException("no authenticated caller on this route");
        }
        return credential;
    }

    public WebsiteSnapshot website() {
        if (website == null) {
            throw new IllegalStateException("this route resolves no website");
        }
        return website;
    }
}
