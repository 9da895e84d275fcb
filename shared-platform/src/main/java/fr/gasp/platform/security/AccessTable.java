package fr.gasp.platform.security;

import java.util.List;

/**
 * The one table of who may call what, given by each app. An {@code /api} path that no rule
 * names is refused to everyone: forgetting a rule closes an endpoint, it never opens one.
 */
public interface AccessTable {

    List<AccessRule> rules();
}
