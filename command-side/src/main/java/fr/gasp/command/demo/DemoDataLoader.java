package fr.gasp.command.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo GASP on an empty event store, so that someone trying the service sees a
 * full dashboard at once. On by default on the embedded database only (GASP_DEMO_DATA);
 * never into a store that already holds events.
 */
@Component
public class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final JdbcClient jdbc;
    private final DemoGasp demoGasp;
    private final boolean enabled;
    private final TransactionTemplate transactions;

    public DemoDataLoader(JdbcClient jdbc, DemoGasp demoGasp, PlatformTransactionManager transactionManager,
                          @Value("${gasp.demo-data:}") String demoDataSetting,
                          @Value("${spring.datasource.url:}") String datasourceUrl) {
        this.jdbc = jdbc;
        this.demoGasp = demoGasp;
        this.transactions = new TransactionTemplate(transactionManager);
        boolean embedded = datasourceUrl.isBlank() || datasourceUrl.startsWith("jdbc:h2:");
        this.enabled = demoDataSetting.isBlank() ? embedded : Boolean.parseBoolean(demoDataSetting.trim());
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadIfEmpty() {
        if (!enabled) {
            return;
        }
        long events = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        if (events > 0) {
            log.info("Données de démonstration non chargées : le registre contient déjà {} événements.", events);
            return;
        }
        log.info("Registre vide : chargement du GASP de démonstration (Escaupont et Bruay-sur-l'Escaut, 2000-2002)…");
        try {
            // One transaction: the demo is there whole or not at all.
            transactions.executeWithoutResult(status -> demoGasp.record());
            log.info("GASP de démonstration chargé. Désactiver avec GASP_DEMO_DATA=false.");
        } catch (RuntimeException e) {
            log.error("Le GASP de démonstration n'a pas pu être chargé ; le registre reste vide.", e);
        }
    }
}
