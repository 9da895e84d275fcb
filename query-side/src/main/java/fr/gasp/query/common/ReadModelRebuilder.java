package fr.gasp.query.common;

import java.util.List;

/**
 * The rebuild of one feature's read-model tables from every stored event, in one pass and
 * in memory: the counterpart of that feature's projectors for a replay, which would
 * otherwise cost several round trips per event. What changes over a record's life (a
 * proposal's status, a meeting's version) is kept in memory and written once at the end;
 * what is only ever added (history, decisions, steps) is written as it comes.
 *
 * <p>Both paths must give the same rows: the replay tests compare a read model kept event
 * by event with its rebuild, table by table.
 */
public interface ReadModelRebuilder {

    /** The tables this rebuild owns: emptied first, then filled. */
    List<RebuiltTable> tables();

    /** Before the first event: forget anything a previous, failed rebuild left in memory. */
    void begin();

    /** One event, in the store's order. */
    void apply(ReplayedEvent event, RebuiltRows rows);

    /** After the last event: write what was kept in memory. */
    void finish(RebuiltRows rows);
}
