package fr.gasp.query.testing;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

/** A data source that counts the statements prepared or created on its connections: one per round trip of a read. */
public final class StatementCount {

    private final AtomicInteger statements = new AtomicInteger();
    private final JdbcTemplate jdbc;

    public StatementCount(DataSource real) {
        this.jdbc = new JdbcTemplate((DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{DataSource.class}, (proxy, method, arguments) -> {
                    Object result = invoke(real, method, arguments);
                    return result instanceof Connection connection ? counted(connection) : result;
                }));
    }

    /** JDBC over the counted data source. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Statements prepared or created so far. */
    public int statements() {
        return statements.get();
    }

    private Connection counted(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().matches("prepareStatement|createStatement|prepareCall")) {
                        statements.incrementAndGet();
                    }
                    return invoke(real, method, arguments);
                });
    }

    private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
