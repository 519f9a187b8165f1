package dev.payments.platform.http;

import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;

import dev.payments.support.PageWaits;
import java.net.URL;
import java.util.function.UnaryOperator;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Swagger UI driven as a person uses it: each step waits until the page shows what the next one needs. */
final class SwaggerUiPage {

    private final WebDriver driver;
    private final PageWaits waits;

    private SwaggerUiPage(WebDriver driver) {
        this.driver = driver;
        this.waits = new PageWaits(driver);
    }

    /** Opens the page and waits until it has rendered the OpenAPI document. */
    static SwaggerUiPage open(WebDriver driver, URL url) {
        driver.get(url.toString());
        SwaggerUiPage page = new SwaggerUiPage(driver);
        page.waits.shown(driver, ".auth-wrapper .authorize");
        return page;
    }

    /** Authorize, the token as the bearer scheme's value, Authorize in the dialog, then Close. */
    void authorize(String token) {
        waits.shown(driver, ".auth-wrapper .authorize").click();
        WebElement dialog = waits.shown(driver, ".modal-ux");
        waits.shown(dialog, "#auth-bearer-value").sendKeys(token);
        waits.shown(dialog, ".auth-btn-wrapper .authorize").click();
        waits.until("the dialog to say Authorized",
                d -> "Authorized".equals(dialog.findElement(By.cssSelector(".auth-container h6")).getText()));
        waits.shown(dialog, ".btn-done").click();
        waits.until("the dialog to close", invisibilityOfElementLocated(By.cssSelector(".modal-ux")));
    }

    /** Expands the operation, e.g. ("post", "/api/v1/payments"), and clicks Try it out. */
    Operation tryItOut(String method, String path) {
        WebElement block = waits.shown(driver,
                ".opblock-" + method + ":has(.opblock-summary-path[data-path='" + path + "'])");
        waits.shown(block, ".opblock-summary-control").click();
        waits.shown(block, ".try-out__btn").click();
        waits.shown(block, ".execute");
        return new Operation(block);
    }

    final class Operation {

        private final WebElement block;

        private Operation(WebElement block) {
            this.block = block;
        }

        /** Replaces the request body shown (the first example) with what edit makes of it. */
        void editBody(UnaryOperator<String> edit) {
            WebElement body = waits.shown(block, "textarea.body-param__text");
            String edited = edit.apply(body.getDomProperty("value"));
            body.sendKeys(Keys.chord(Keys.CONTROL, "a"), edited);
            waits.until("the request body to read " + edited, d -> edited.equals(body.getDomProperty("value")));
        }

        void fill(String parameter, String value) {
            waits.shown(block, "tr[data-param-name='" + parameter + "'] input").sendKeys(value);
        }

        /** Clicks Execute and waits for the live response under "Server response". */
        LiveResponse execute() {
            waits.shown(block, ".execute").click();
            WebElement response = waits.shown(block, ".live-responses-table tbody tr.response");
            String body = response.findElements(By.cssSelector(".highlight-code pre")).stream()
                    .map(WebElement::getText).findFirst().orElse("");
            return new LiveResponse(response.findElement(By.cssSelector(".response-col_status")).getText(), body);
        }
    }

    record LiveResponse(String status, String body) {
    }
}
