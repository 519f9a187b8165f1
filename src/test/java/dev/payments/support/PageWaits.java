package dev.payments.support;

import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** How the browser tests' page objects wait for a page (30 s at most): a timeout names what did not happen. */
public final class PageWaits {

    private final WebDriverWait wait;

    public PageWaits(WebDriver driver) {
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** The element of the scope the selector finds, once it is displayed. */
    public WebElement shown(SearchContext scope, String css) {
        return until("a visible " + css, d -> {
            WebElement element = scope.findElement(By.cssSelector(css));
            return element.isDisplayed() ? element : null;
        });
    }

    public <T> T until(String what, Function<WebDriver, T> condition) {
        return wait.withMessage("waited for " + what).until(condition);
    }
}
