package fr.gasp.query.audit;

/** An event with no business date (none of the service's events is like that): the audit dates it by its recording. */
public record AuditProbe(String note) {
}
