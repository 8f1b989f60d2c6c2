package my.gov.temujanji.platform;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * A form record is filled from the form's fields and the address's variables only. Spring MVC would
 * also bind request headers named like a field ({@code Confirmed:} filling {@code confirmed}), which
 * lets a client answer a question it was never asked, and reading a header the firewall refuses
 * would fail the page with a 500.
 */
@ControllerAdvice
class FormBinding {

    @InitBinder
    void fieldsOnly(WebDataBinder binder) {
        if (binder instanceof ExtendedServletRequestDataBinder servlet) {
            servlet.setHeaderPredicate(header -> false);
        }
    }
}
