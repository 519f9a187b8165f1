package dev.payments.payments;

import dev.payments.payments.reading.PaymentFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

/**
 * One log record per committed delete, of payments or of a website with its payments: who (key or token id), which
 * website, what filter, how many rows. The client's
 * own values have control characters replaced, so a line break in a visitor id cannot forge a line in text logs.
 */
@ApplicationScoped
class DeletionAudit {

    private static final Logger LOG = Logger.getLogger("dev.payments.audit");

    void onDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaymentEvents.Deleted event) {
        PaymentFilter filter = event.filter();
        if (filter == null) {
            LOG.infof("payments deleted with their website: principal=%s website=%s deleted=%d", event.principalId(),
                    event.websiteId(), event.count());
            return;
        }
        LOG.infof("payments deleted: principal=%s website=%s transaction_id=%s datafast_visitor_id=%s start=%s end=%s "
                + "deleted=%d", event.principalId(), event.websiteId(), printable(filter.transactionId()),
                printable(filter.visitorId()), filter.range().start(), filter.range().end(), event.count());
    }

    private static String printable(String clientValue) {
        return clientValue == null ? null : clientValue.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
