package my.gov.temujanji.support;

import java.util.List;
import java.util.Locale;
import jakarta.validation.groups.Default;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * A form record checked without a server as a page checks it: Bean Validation with the application's
 * message bundles (as Spring Boot configures it), then {@link FormErrors#of}. For the fast tier.
 */
public final class FormValidation {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();
    private static final LocalValidatorFactoryBean VALIDATOR = new LocalValidatorFactoryBean();

    static {
        // As application.properties: spring.messages.basename and fallback-to-system-locale=false.
        MESSAGES.setBasenames("messages", "pages", "mail", "slip", "staff", "counter", "reports", "administration",
                "blocks");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
        VALIDATOR.setMessageInterpolator(new MessageInterpolatorFactory(MESSAGES).getObject());
        VALIDATOR.afterPropertiesSet();
    }

    private FormValidation() {
    }

    /** The application's message bundles. */
    public static MessageSource messages() {
        return MESSAGES;
    }

    /**
     * The page's errors for {@code form} bound under {@code objectName}, in {@code locale}, checked with
     * the default group and {@code groups}.
     */
    public static FormErrors errors(Object form, String objectName, Locale locale, List<String> fieldOrder,
            Class<?>... groups) {
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(locale);
        try {
            BeanPropertyBindingResult result = new BeanPropertyBindingResult(form, objectName);
            Object[] hints = new Object[groups.length + 1];
            hints[0] = Default.class;
            System.arraycopy(groups, 0, hints, 1, groups.length);
            VALIDATOR.validate(form, result, hints);
            return FormErrors.of(result, MESSAGES, locale, fieldOrder);
        } finally {
            LocaleContextHolder.setLocale(before);
        }
    }
}
