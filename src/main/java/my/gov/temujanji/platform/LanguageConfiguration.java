package my.gov.temujanji.platform;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Malay by default, English on request. A page is in Malay until the reader chooses English with the
 * language switch ({@code ?lang=en}, remembered in a cookie): a browser's own language is not a
 * choice the applicant made (a phone set up in English is common in Malaysia), and the department's
 * site is Malay first. The JSON API has no switch: its answers follow {@code Accept-Language}
 * between the two, and anything else gets Malay.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(LocalizedText.MALAY, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("temujanji-lang");
        // A cookie that names no language (anyone can write one) is ignored, as if there were none.
        resolver.setRejectInvalidCookies(false);
        resolver.setDefaultLocaleFunction(request -> {
            String header = request.getHeader("Accept-Language");
            if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/") || header == null
                    || header.isBlank()) {
                return LocalizedText.MALAY;
            }
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                return best != null ? best : LocalizedText.MALAY;
            } catch (IllegalArgumentException malformed) {
                return LocalizedText.MALAY;
            }
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
