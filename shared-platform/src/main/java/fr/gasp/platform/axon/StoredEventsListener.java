package fr.gasp.platform.axon;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * Wakes the event store's reader as soon as the command side has stored events, instead of at
 * its next poll: PostgreSQL notifies {@value #CHANNEL} for every statement that inserts into
 * {@code domain_event_entry}, when its transaction commits (trigger of db/shared-postgresql,
 * V14), and this listens on a connection of its own — not one of the pool's, which would keep
 * the subscription when handed to someone else. A notification carries nothing: the reader
 * reads the store as usual, gaps included.
 *
 * <p>When the connection is lost (PostgreSQL restarted), it is opened again every
 * {@link #RETRY}; the reader meanwhile finds new events at its poll, as without this. Once
 * listening again, the reader is woken once, for whatever was stored in between.
 */
public class StoredEventsListener implements SmartLifecycle {

    static final String CHANNEL = "gasp_events";
    /** As {@code pg_stat_activity} shows the connection. */
    static final String APPLICATION_NAME = "gasp-stored-events-listener";

    private static final Logger log = LoggerFactory.getLogger(StoredEventsListener.class);
    private static final Duration RETRY = Duration.ofSeconds(1);
    /** How long one wait for notifications lasts: how soon a stop is noticed. */
    private static final int WAIT_MILLIS = 500;

    private final String url;
    private final String user;
    private final String password;
    private final WakeableEventStore eventStore;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    public StoredEventsListener(String url, String user, String password, WakeableEventStore eventStore) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.eventStore = eventStore;
    }

    /** Only PostgreSQL notifies; elsewhere (the embedded H2) the reader polls. */
    public static boolean supports(String url) {
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    @Override
    public synchronized void start() {
        if (!supports(url)) {
            log.info("Base sans notifications (H2) : les nouveaux événements sont lus à intervalles réguliers");
            return;
        }
        running = true;
        thread = new Thread(this::listen, "stored-events-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Listening now (a connection open and subscribed): for health and tests. */
    public boolean isListening() {
        return listening;
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                listening = true;
                if (warned) {
                    log.info("Écoute des nouveaux événements rétablie");
                    warned = false;
                }
                eventStore.newEventsStored();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        eventStore.newEventsStored();
                    }
                }
            } catch (SQLException e) {
                if (running && !warned) {
                    log.warn("Écoute des nouveaux événements interrompue ({}) : les nouveaux événements sont lus "
                            + "à intervalles réguliers en attendant qu'elle reprenne", e.getMessage());
                    warned = true;
                }
            } finally {
                listening = false;
            }
            pause();
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }

    private void pause() {
        if (!running) {
            return;
        }
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
