/**
 * The events both sides share. Each is a record with a {@code @Revision}; a change to a
 * stored shape goes through an upcaster, never an edit of the record in place.
 * Every event carries the business date ({@code occurredOn}); who wrote it (actor, role)
 * and when (the event timestamp) are in the message metadata. No person's name or
 * contact ever goes into an event.
 */
package fr.gasp.events;
