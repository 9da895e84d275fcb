package fr.gasp.platform.time;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The clock that says what "today" is for business dates. The GASP's day is the local day
 * of its territory (Europe/Paris by default), not the server's UTC day.
 */
@AutoConfiguration
public class BusinessClock {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock(@Value("${gasp.time-zone:Europe/Paris}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
