package my.gov.temujanji.platform;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * Form records are bound from the form's fields only. Spring MVC would also bind request headers to
 * them, and reading every header makes a header the application never uses (a non-ASCII
 * {@code If-Modified-Since}) refused by the firewall as a 500 instead of being ignored.
 */
@ControllerAdvice
class FormBinding {

    @InitBinder
    void fieldsOnly(WebDataBinder binder) {
        if (binder instanceof ExtendedServletRequestDataBinder servlet) {
            servlet.setHeaderPredicate(name -> false);
        }
    }
}
