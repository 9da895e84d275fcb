/**
 * The audit log and its tamper evidence.
 *
 * <h2>What is kept</h2>
 * {@link fr.gasp.query.audit.AuditProjector} handles every event, in the audit's own tracking
 * processor ({@link fr.gasp.query.audit.AuditProcessor}, never replayed), and adds one {@code audit_event} row per event: both clocks, actor and role, aggregate,
 * sequence number, global index, event type and a French summary (which names GASPs, groups,
 * proposals and meetings, never a person: members are ids, and the member registry is not
 * read here). Rows are only ever added, in the transaction that moves the processor's token.
 *
 * <h2>The hash chain</h2>
 * The projection keeps a chain over the events as it first sees them:
 * <pre>
 * hash_0 = 32 zero bytes
 * hash_n = SHA-256(hash_{n-1} || canonical_n)     kept as 64 lowercase hex digits
 * canonical_n = field(global_index) || field(event_identifier) || field(aggregate_identifier)
 *            || field(sequence_number) || field(type) || field(time_stamp) || field(payload_type)
 *            || field(payload_revision) || field(payload) || field(meta_data)
 * field(x)    = 4-byte big-endian length of x, then x; a NULL column is the 4 bytes FF FF FF FF
 * </pre>
 * Every field is the column of {@code domain_event_entry} exactly as stored: {@code payload}
 * and {@code meta_data} as their bytes, text columns as UTF-8, numbers as decimal ASCII.
 * ({@code type} is Axon's aggregate type; {@code time_stamp} is the stored text.)
 *
 * <p>The bytes are read from the stored row (by event identifier) in the handler, not
 * rebuilt from the message Axon hands over: that message has gone through upcasting and
 * deserialization, and serializing it again need not give the stored bytes back (metadata
 * order, timestamp formatting, an upcaster's change). The row is what a later check reads.
 * The global index also comes from the row: the tracking token's {@code position()} is the
 * highest index the processor has seen, which is not the event's own index when a
 * transaction commits after a later-numbered one (a "gap" filled late).
 *
 * <p>The chain's order is the order in which the projection first saw the events
 * ({@code chain_position}): global-index order, except for such a late commit, which is
 * appended when it is seen rather than spliced in. The chain is therefore append-only: a
 * kept hash never changes, so a fingerprint printed in a report stays checkable. Verification
 * recomputes the chain in the same order, from {@code domain_event_entry} as stored now. The
 * processor runs one segment: were it split, the primary key on {@code chain_position} would
 * make a second writer fail and retry rather than fork the chain.
 *
 * <h2>Verification</h2>
 * {@link fr.gasp.query.audit.ChainVerification} streams the kept chain joined to the stored
 * rows, recomputes each link and stops at the first that differs: an edited row
 * ({@code ALTERED}), a row gone ({@code DELETED}); then looks for a stored row the processor
 * has passed (per its stored token) but the chain never saw ({@code INSERTED}, e.g. written
 * into an old gap of the global index). A row not yet passed is only not read yet.
 *
 * <h2>What it protects against</h2>
 * Someone who changes the event store but not the audit tables is caught by verification.
 * Someone who rewrites both is caught by the fingerprint ({@link fr.gasp.query.audit.ChainFingerprint}):
 * the head hash printed in an annual report no longer matches the chain at that date. Events
 * appended at the end of the store look like any new event; the chain makes them visible in
 * the audit log (recorded instant, actor), it cannot tell them from genuine ones. An event
 * deleted between its commit and the projection's reading of its row stops the read model
 * with an error naming it: it is never chained from anything but its stored row.
 *
 * <h2>A database whose events predate the audit</h2>
 * On a database where the read model had already processed events before this table existed,
 * the chain is empty and the next event the projection sees first chains every earlier event
 * the processor had passed, from the store as it is then (its first sight of them). Until that
 * next event, verification checks nothing ({@code checked = 0}). A replay of the read model
 * never rewrites the chain ({@code @DisallowReplay}).
 */
package fr.gasp.query.audit;
