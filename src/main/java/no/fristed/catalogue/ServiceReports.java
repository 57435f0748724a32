package no.fristed.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.fristed.common.DomainException;
import no.fristed.privacy.PersonalData;
import no.fristed.privacy.PrivacyGuard;

/** "Report wrong information": anyone reports a problem with an entry, editors read the list and close reports. */
@ApplicationScoped
@Transactional
public class ServiceReports {

    /** What the reporter gets back: the text as stored and what personal data was taken out. Nothing to follow up. */
    public record Receipt(String serviceId, String storedText, List<PersonalData> removed) {
    }

    /** A report as editors see it. */
    public record ReportView(String id, String serviceId, String serviceName, String text, ServiceReport.Status status,
            Instant createdAt, Instant closedAt, String closedBy, String note) {
    }

    private final PrivacyGuard guard;
    private final CatalogueCache cache;
    private final Clock clock;

    ServiceReports(PrivacyGuard guard, CatalogueCache cache, Clock clock) {
        this.guard = guard;
        this.cache = cache;
        this.clock = clock;
    }

    public Receipt report(String serviceId, String text) {
        cache.find(serviceId).filter(CatalogueEntry::active)
                .orElseThrow(() -> DomainException.NotFound.of("Service '" + serviceId + "'"));
        PrivacyGuard.Result checked = guard.check(text);
        ServiceReport report = new ServiceReport();
        report.id = UUID.randomUUID().toString();
        report.serviceId = serviceId;
        report.text = checked.redacted();
        report.status = ServiceReport.Status.OPEN;
        report.createdAt = clock.instant();
        report.persist();
        return new Receipt(serviceId, report.text,
                checked.findings().stream().map(PrivacyGuard.Finding::kind).distinct().toList());
    }

    /** Reports with the status, oldest first. */
    public List<ReportView> list(ServiceReport.Status status) {
        return ServiceReport.<ServiceReport>list("status = ?1 order by createdAt, id", status).stream()
                .map(this::view).toList();
    }

    public ReportView close(String id, String editor, String note) {
        ServiceReport report = ServiceReport.<ServiceReport>findByIdOptional(id)
                .orElseThrow(() -> DomainException.NotFound.of("Report '" + id + "'"));
        if (report.status != ServiceReport.Status.OPEN) {
            throw new DomainException.Conflict("already-closed", "This report is already closed");
        }
        report.status = ServiceReport.Status.CLOSED;
        report.closedAt = clock.instant();
        report.closedBy = editor;
        report.note = note;
        return view(report);
    }

    private ReportView view(ServiceReport r) {
        String name = cache.find(r.serviceId).map(e -> e.service().name()).orElse(null);
        return new ReportView(r.id, r.serviceId, name, r.text, r.status, r.createdAt, r.closedAt, r.closedBy, r.note);
    }
}
