package fr.gasp.system;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts both apps once for all system tests of the run (starting them takes seconds) and
 * stops them when the run ends. Tests that use it work on their own GASP, so they do not
 * see each other's proposals.
 */
final class BothApps implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == GaspService.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(BothApps.class, key -> new Running(startService()), Running.class)
                .service();
    }

    private static GaspService startService() {
        try {
            return GaspService.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start both apps", e);
        }
    }

    private record Running(GaspService service) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Throwable {
            service.close();
        }
    }
}
