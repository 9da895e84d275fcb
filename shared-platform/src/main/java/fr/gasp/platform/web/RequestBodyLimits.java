package fr.gasp.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;

/**
 * The size and content-type checks of {@link RequestBodyGuard} on every API request, after
 * authentication (an anonymous caller gets 401 before anything reads its body). The limit is
 * {@code gasp.http.max-body-size} (default 512 KB: the longest text a command takes, 100,000
 * characters of minutes, fits in it even if every character takes three bytes).
 */
@AutoConfiguration
public class RequestBodyLimits {

    public static final String API_PATTERN = "/api/*";
    /** Just after Spring Security's filter chain. */
    public static final int ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 10;

    @Bean
    public FilterRegistrationBean<RequestBodyGuard> requestBodyGuard(
            @Value("${gasp.http.max-body-size:512KB}") DataSize maxBodySize, ObjectMapper json) {
        FilterRegistrationBean<RequestBodyGuard> registration = new FilterRegistrationBean<>(
                new RequestBodyGuard(maxBodySize.toBytes(), new FilterProblems(json)));
        registration.addUrlPatterns(API_PATTERN);
        registration.setOrder(ORDER);
        return registration;
    }
}
