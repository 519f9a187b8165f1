package dev.payments.platform.http;

import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;

import java.net.URL;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Swagger UI driven as a person uses it: each step waits until the page shows what the next one needs. */
final class SwaggerUiPage {

    private final WebDriver driver;
    private final WebDriverWait wait;

    private SwaggerUiPage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Opens the page and waits until it has rendered the OpenAPI document. */
    static SwaggerUiPage open(WebDriver driver, URL url) {
        driver.get(url.toString());
        SwaggerUiPage page = new SwaggerUiPage(driver);
        page.shown(driver, ".auth-wrapper .authorize");
        return page;
    }

    /** Authorize, the token as the bearer scheme's value, Authorize in the dialog, then Close. */
    void authorize(String token) {
        shown(driver, ".auth-wrapper .authorize").click();
        WebElement dialog = shown(driver, ".modal-ux");
        shown(dialog, "#auth-bearer-value").sendKeys(token);
        shown(dialog, ".auth-btn-wrapper .authorize").click();
        until("the dialog to say Authorized",
                d -> "Authorized".equals(dialog.findElement(By.cssSelector(".auth-container h6")).getText()));
        shown(dialog, ".btn-done").click();
        until("the dialog to close", invisibilityOfElementLocated(By.cssSelector(".modal-ux")));
    }

    /** Expands the operation, e.g. ("post", "/api/v1/payments"), and clicks Try it out. */
    Operation tryItOut(String method, String path) {
        WebElement block = shown(driver,
                ".opblock-" + method + ":has(.opblock-summary-path[data-path='" + path + "'])");
        shown(block, ".opblock-summary-control").click();
        shown(block, ".try-out__btn").click();
        shown(block, ".execute");
        return new Operation(block);
    }

    private WebElement shown(SearchContext scope, String css) {
        return until("a visible " + css, d -> {
            WebElement element = scope.findElement(By.cssSelector(css));
            return element.isDisplayed() ? element : null;
        });
    }

    /** Waits for the condition; a timeout names what did not happen. */
    private <T> T until(String what, Function<WebDriver, T> condition) {
        return wait.withMessage("waited for " + what).until(condition);
    }

    final class Operation {

        private final WebElement block;

        private Operation(WebElement block) {
            this.block = block;
        }

        /** Replaces the request body shown (the first example) with what edit makes of it. */
        void editBody(UnaryOperator<String> edit) {
            WebElement body = shown(block, "textarea.body-param__text");
            String edited = edit.apply(body.getDomProperty("value"));
            body.sendKeys(Keys.chord(Keys.CONTROL, "a"), edited);
            until("the request body to read " + edited, d -> edited.equals(body.getDomProperty("value")));
        }

        void fill(String parameter, String value) {
            shown(block, "tr[data-param-name='" + parameter + "'] input").sendKeys(value);
        }

        /** Clicks Execute and waits for the live response under "Server response". */
        LiveResponse execute() {
            shown(block, ".execute").click();
            WebElement response = shown(block, ".live-responses-table tbody tr.response");
            String body = response.findElements(By.cssSelector(".highlight-code pre")).stream()
                    .map(WebElement::getText).findFirst().orElse("");
            return new LiveResponse(response.findElement(By.cssSelector(".response-col_status")).getText(), body);
        }
    }

    record LiveResponse(String status, String body) {
    }
}
