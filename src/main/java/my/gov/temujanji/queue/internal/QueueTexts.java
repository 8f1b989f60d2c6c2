package my.gov.temujanji.queue.internal;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Catalogue;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The words the queue's pages share: transaction type names and what an action did or why not. */
@Component
@RequiredArgsConstructor
class QueueTexts {

    private final Catalogue catalogue;
    private final MessageSource messages;

    /** The branch's transaction types by code, in the reader's language. */
    Map<String, String> serviceNames(String branchCode, Locale locale) {
        return catalogue.allOfferingsAt(branchCode).stream()
                .collect(Collectors.toMap(o -> o.type().code(), o -> o.type().name().in(locale), (a, b) -> a));
    }

    /**
     * The message {@code prefix + code + suffix} when {@code code} (from the address) names one; null
     * otherwise, so an address can never put words of its own on the page.
     */
    String outcome(String prefix, String code, String suffix, Locale locale, Object... arguments) {
        if (code == null || !code.matches("[A-Za-z_]{1,40}")) {
            return null;
        }
        return messages.getMessage(prefix + code + suffix, arguments, null, locale);
    }
}
