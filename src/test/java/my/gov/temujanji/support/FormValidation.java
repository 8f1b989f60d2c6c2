package my.gov.temujanji.support;

import java.util.List;
import java.util.Locale;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.groups.Default;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * A form record checked without a server as a page checks it: Bean Validation with the application's
 * message bundles (as Spring Boot configures it), then {@link FormErrors#of}. For the fast tier.
 * Constraints whose checks need a bean (the catalogue, the clock) are given them with {@link #with}.
 */
public final class FormValidation {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        // As application.properties: spring.messages.basename and fallback-to-system-locale=false.
        MESSAGES.setBasenames("messages", "pages", "mail", "slip", "staff", "counter", "reports", "administration",
                "blocks");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private static final FormValidation PLAIN = with();

    private final LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();

    private FormValidation(List<ConstraintValidator<?, ?>> checks) {
        validator.setMessageInterpolator(new MessageInterpolatorFactory(MESSAGES).getObject());
        validator.setConstraintValidatorFactory(new ConstraintValidatorFactory() {
            @Override
            public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> type) {
                return checks.stream().filter(type::isInstance).map(type::cast).findFirst()
                        .orElseGet(() -> BeanUtils.instantiateClass(type));
            }

            @Override
            public void releaseInstance(ConstraintValidator<?, ?> instance) {
            }
        });
        validator.afterPropertiesSet();
    }

    /** Validation that uses these checks for their constraints, and makes the others as Bean Validation does. */
    public static FormValidation with(ConstraintValidator<?, ?>... checks) {
        return new FormValidation(List.of(checks));
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
        return PLAIN.check(form, objectName, locale, fieldOrder, groups);
    }

    /** As {@link #errors}, with this validation's checks. */
    public FormErrors check(Object form, String objectName, Locale locale, List<String> fieldOrder,
            Class<?>... groups) {
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(locale);
        try {
            BeanPropertyBindingResult result = new BeanPropertyBindingResult(form, objectName);
            Object[] hints = new Object[groups.length + 1];
            hints[0] = Default.class;
            System.arraycopy(groups, 0, hints, 1, groups.length);
            validator.validate(form, result, hints);
            return FormErrors.of(result, MESSAGES, locale, fieldOrder);
        } finally {
            LocaleContextHolder.setLocale(before);
        }
    }
}
