package fr.gasp.command.cache;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One {@link CommittedAggregateCache} per aggregate type, named by each {@code @Aggregate(cache = …)}:
 * an update then decides from the aggregate this node last committed instead of reading its
 * snapshot and events again (docs/adr/0022). One per type, so that a command naming another
 * aggregate's id never finds an aggregate of the wrong type.
 *
 * <p>{@code gasp.aggregate-cache.size} aggregates of each type at most (0: none, as a deployment
 * with several command-side nodes not routed by aggregate id should set, where every cached
 * aggregate could be outdated by another node).
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCacheConfiguration {

    public static final String GASPS = "gaspCache";
    public static final String GROUPS = "groupCache";
    public static final String MEETINGS = "meetingCache";
    public static final String PROPOSALS = "proposalCache";

    private final int size;

    public AggregateCacheConfiguration(@Value("${gasp.aggregate-cache.size:50000}") int size) {
        if (size < 0) {
            throw new IllegalStateException("gasp.aggregate-cache.size must be 0 (no cache) or more, not " + size);
        }
        this.size = size;
    }

    @Bean(GASPS)
    public CommittedAggregateCache gaspCache() {
        return new CommittedAggregateCache(size);
    }

    @Bean(GROUPS)
    public CommittedAggregateCache groupCache() {
        return new CommittedAggregateCache(size);
    }

    @Bean(MEETINGS)
    public CommittedAggregateCache meetingCache() {
        return new CommittedAggregateCache(size);
    }

    @Bean(PROPOSALS)
    public CommittedAggregateCache proposalCache() {
        return new CommittedAggregateCache(size);
    }
}
