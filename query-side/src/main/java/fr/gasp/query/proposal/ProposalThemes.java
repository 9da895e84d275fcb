package fr.gasp.query.proposal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

/** The themes a GASP's proposals carry now, for the pages' theme filter. */
@Repository
public class ProposalThemes {

    private final JdbcClient jdbc;

    public ProposalThemes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> of(UUID gaspId) {
        return jdbc.sql("""
                        SELECT DISTINCT t.theme FROM proposal_theme t
                        JOIN proposal_view p ON p.proposal_id = t.proposal_id
                        WHERE p.gasp_id = ? ORDER BY t.theme""")
                .param(gaspId)
                .query(String.class)
                .list();
    }
}
